import Testing
@testable import Reports

@Suite("Pareto front of cost against emissions")
struct ParetoFrontTests {
    @Test("A hand-made set: dominated points, a duplicate on the front, a tie in one coordinate, NaN")
    func handMadeSet() {
        // (emissions, cost):  0:(1,9) front  1:(2,5) front  2:(3,6) dominated by 1  3:(4,2) front
        // 4:(2,5) duplicate of 1, front  5:(5,2) tie in cost with 3 but more emissions: dominated
        // 6:(NaN,1) never on the front  7:(6,1) front (cheapest)  8:(1,10) same emissions as 0, dearer: dominated
        let x = [1.0, 2, 3, 4, 2, 5, .nan, 6, 1]
        let y = [9.0, 5, 6, 2, 5, 2, 1, 1, 10]
        #expect(ParetoFront.indices(x: x, y: y) == [0, 1, 4, 3, 7])
    }

    @Test("Solver noise at an active cap does not put the dearer design on the front")
    func nearTies() {
        // Two designs meet a 1,560 t cap (emissions 1e-7 t apart); the cheaper one dominates.
        let emissions = [1_559.9999999, 1_560.0000001, 552.66, 2_229]
        let costs = [-14.422, -14.484, -14.193, -14.501]
        #expect(ParetoFront.indices(x: emissions, y: costs) == [2, 1, 3])
    }

    @Test("Every point off the front is dominated by one on it, and no front point dominates another",
          arguments: [7, 50, 400])
    func dominanceProperty(count: Int) {
        var generator = SplitMix(seed: UInt64(count))
        let x = (0..<count).map { _ in Double(generator.next() % 100) }
        let y = (0..<count).map { _ in Double(generator.next() % 100) }
        let front = ParetoFront.indices(x: x, y: y)
        func dominates(_ a: Int, _ b: Int) -> Bool { x[a] <= x[b] && y[a] <= y[b] && (x[a] < x[b] || y[a] < y[b]) }
        for point in 0..<count where !front.contains(point) {
            #expect(front.contains { dominates($0, point) }, "point \(point) is off the front but not dominated")
        }
        for a in front { for b in front { #expect(!dominates(a, b)) } }
    }
}

/// A small deterministic generator so property tests repeat exactly.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
