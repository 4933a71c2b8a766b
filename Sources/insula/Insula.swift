import ArgumentParser
import Optimization

@main
struct Insula: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "insula", abstract: "Power planning for AI factories built as energy islands.")
    func run() throws { print("insula (GLPK \(glpkVersion()))") }
}
