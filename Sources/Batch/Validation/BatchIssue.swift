import Foundation
import Island

/// One problem in a batch: in the batch file itself, or in the site of one scenario.
///
/// Printed as `batch.yaml:12: grid.batteries[0].energy_mwh: ...` for the batch file, or
/// `scenario 3 "energy_mwh=0 cap_t=1" (1a2b3c4d5e6f): example.yaml:42: batteries[0].energy_mwh: ...`
/// for a scenario whose site does not validate.
public struct BatchIssue: Sendable, Equatable, CustomStringConvertible {
    /// The scenario at fault (1-based position, name, id), or nil for the batch file itself.
    public var scenario: (position: Int, name: String, id: String)?
    public var issue: SiteIssue

    public init(scenario: (position: Int, name: String, id: String)? = nil, issue: SiteIssue) {
        self.scenario = scenario
        self.issue = issue
    }

    public var description: String {
        guard let scenario else { return issue.description }
        return "scenario \(scenario.position + 1) \"\(scenario.name)\" (\(scenario.id)): \(issue.description)"
    }

    public static func == (lhs: BatchIssue, rhs: BatchIssue) -> Bool {
        lhs.issue == rhs.issue && lhs.scenario?.position == rhs.scenario?.position
            && lhs.scenario?.id == rhs.scenario?.id && lhs.scenario?.name == rhs.scenario?.name
    }
}

/// The batch is invalid: every problem found, in the batch file and in every scenario's site.
public struct BatchValidationError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var issues: [BatchIssue]

    public init(_ issues: [BatchIssue]) {
        self.issues = issues
    }

    /// Scenarios with at least one problem.
    public var invalidScenarioCount: Int { Set(issues.compactMap { $0.scenario?.id }).count }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }
}
