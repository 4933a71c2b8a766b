import Foundation
import Island
import Optimization
import Scheduling
import Testing

/// Power capping along throughput-power curves and token KPIs (docs/formulation.md, 4.14).
///
/// The sites are grid-only with a constant COP, no idle draw and one busway chord, so grid
/// import is a constant multiple of IT power and the cheapest schedule is the one drawing the
/// least IT energy weighted by each hour's price.
@Suite("Power capping and tokens")
struct PowerCappingTests {
    /// A curve with one capped point: half power gives 80 % of the throughput (1.6 work per MWh).
    static let curve = """
          performance_curves:
            dvfs:
              points: [[0.5, 0.8], [1, 1]]
              tokens_per_second_per_rack_at_full_power: 1000
        """

    static func site(steps: Int, prices: [Double], workloads: String, racks: Int = 10, idle: Double = 0) throws -> Site {
        let yaml = """
            name: capping
            horizon: {start_utc: 2025-01-01T00:00Z, steps: \(steps), step_minutes: 60}
            grid_feeds:
              - name: grid
                import_capacity_mw: 10
                price_usd_per_mwh: {file: prices.csv, column: price}
                carbon_intensity_g_per_kwh: {file: prices.csv, column: carbon}
            power_distribution: {architecture: dc800, busway_loss_segments: 1}
            it_fleet: {racks: \(racks), power_per_rack_kw: 200, idle_fraction: \(idle)}
            workloads:
            \(curve)
            \(workloads)
            cooling: {cop: 5}
            """
        let carbon = (0..<steps).map { 300 + 50 * Double($0) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insula-capping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let rows = zip(prices, carbon).map { "\($0),\($1)" }
        try (["price,carbon"] + rows).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("site.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try SiteLoader.load(from: file)
    }

    @Test("A capped rack does the work the curve says: 0.9 of full throughput on 1 MW of racks draws 0.75 MW")
    func cappedRackWork() throws {
        // Racks for 1 MW (max_power_mw), 0.9 MWh of work in one hour: every rack at the power
        // fraction p where f(p) = 0.9 on the segment (0.5, 0.8)-(1, 1): p = 0.5 + 0.1 / 0.4 = 0.75.
        let site = try Self.site(steps: 1, prices: [50], workloads: """
              training_jobs:
                - {name: job, energy_mwh: 0.9, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T01:00Z,
                   max_power_mw: 1, performance_curve: dvfs}
            """)
        let (_, schedule) = try SiteFixtures.solve(site)
        let step = schedule.steps[0]
        #expect(abs(step.trainingMW - 0.75) < 1e-7)
        #expect(abs(step.itMW - 0.75) < 1e-7)
        #expect(abs(step.trainingPowerFraction - 0.75) < 1e-7)
        #expect(abs(schedule.jobs[0].deliveredMWh - 0.9) < 1e-7)
        #expect(abs(schedule.jobs[0].drawnMWh - 0.75) < 1e-7)
        // 1000 tokens/s per 200 kW rack at full power: 18e6 tokens per MWh; 0.9 MWh of work.
        let tokens = try #require(schedule.jobs[0].tokens)
        #expect(abs(tokens - 0.9 * 18e6) < 1e-3)
        #expect(abs(step.trainingTokensPerSecond * 3600 - tokens) < 1e-3)
        #expect(abs(schedule.kpis.trainingTokensServed - tokens) < 1e-3)
        // The deepest cap alone (0.5) would need 0.9 / 0.8 = 1.125 MW of racks: not available.
        // Half the racks at half power (0.4 of work), half at full (0.5): the only optimum.
        #expect(abs(schedule.kpis.trainingCappedShare - 0.4 / 0.9) < 1e-7)
    }

    /// Work 1.2 MWh on 1 MW of racks over a cheap hour (price a) and a dear hour (price b).
    /// Energy drawn for work w in an hour is w / 1.6 up to w = 0.8 (all racks at half power)
    /// and 0.5 + 2.5 (w - 0.8) above (the segment (0.5, 0.8)-(1, 1) draws 0.5 / 0.2 MWh per MWh
    /// of work). Moving work from the cheap hour (above 0.8) to the dear hour (below 0.8)
    /// saves 2.5 a and costs 0.625 b per MWh of work: capping both hours (w = 0.8, 0.4) wins
    /// exactly when b < 4a; otherwise the cheap hour runs at full power (w = 1) and the dear
    /// hour does 0.2 at half power.
    @Test("A dear and a cheap hour: the LP caps both hours exactly when the dear price is under four times the cheap one",
          arguments: [(50.0, 199.0, true), (50.0, 201.0, false), (50.0, 60.0, true), (20.0, 200.0, false)])
    func capsWhenItPays(cheap: Double, dear: Double, caps: Bool) throws {
        let site = try Self.site(steps: 2, prices: [cheap, dear], workloads: """
              training_jobs:
                - {name: job, energy_mwh: 1.2, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T02:00Z,
                   max_power_mw: 1, performance_curve: dvfs}
            """)
        let (outcome, schedule) = try SiteFixtures.solve(site)
        let drawn = schedule.steps.map(\.trainingMW)
        let expected = caps ? [0.5, 0.25] : [1.0, 0.125]
        #expect(abs(drawn[0] - expected[0]) < 1e-7, "drawn \(drawn)")
        #expect(abs(drawn[1] - expected[1]) < 1e-7, "drawn \(drawn)")
        #expect(abs(schedule.jobs[0].deliveredMWh - 1.2) < 1e-7)
        // The objective is the IT energy's import at each hour's price: import = k x IT power.
        let k = schedule.steps[0].gridImportMW / schedule.steps[0].itMW
        #expect(abs(outcome.result.objectiveValue! - k * (cheap * expected[0] + dear * expected[1])) < 1e-6)
        // Without the curve the same job must draw 1.2 MWh, at least as dear as either answer.
        let flat = try Self.site(steps: 2, prices: [cheap, dear], workloads: """
              training_jobs:
                - {name: job, energy_mwh: 1.2, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T02:00Z, max_power_mw: 1}
            """)
        let (flatOutcome, _) = try SiteFixtures.solve(flat)
        #expect(abs(flatOutcome.result.objectiveValue! - k * (cheap * 1 + dear * 0.2)) < 1e-6)
    }

    @Test("Inference at a latency target caps no deeper than min_power_fraction")
    func inferenceLatencyFloor() throws {
        // 1 MW of full-power work (tokens/s = 1 MW x 18e6 tokens/MWh / 3600 = 5000 tokens/s) on
        // 2 MW of racks. Capped to 0.7 (f = 0.8 + 0.4 x 0.2 = 0.88): drawn 0.7 / 0.88 MW on
        // 1 / 0.88 MW of racks; without the floor, half power: 0.625 MW on 1.25 MW of racks.
        for (floor, drawn, fraction) in [("min_power_fraction: 0.7", 0.7 / 0.88, 0.7), ("", 0.625, 0.5)] {
            let site = try Self.site(steps: 1, prices: [50], workloads: """
                  inference: {tokens_per_second: 5000, performance_curve: dvfs, \(floor)}
                """.replacingOccurrences(of: ", }", with: "}"))
            let (_, schedule) = try SiteFixtures.solve(site)
            #expect(abs(schedule.steps[0].inferenceMW - drawn) < 1e-7)
            #expect(abs(schedule.steps[0].inferencePowerFraction - fraction) < 1e-7)
            #expect(abs(schedule.kpis.inferenceServedShare - 1) < 1e-9)
            #expect(abs(schedule.kpis.inferenceTokensServed - 5000 * 3600) < 1e-3)
            #expect(abs(schedule.kpis.inferenceCappedShare - 1) < 1e-7)
        }
    }

    @Test("Idle racks: capping occupies more racks, which no longer idle; IT power counts both")
    func cappingWithIdleRacks() throws {
        // 2 MW of racks idling at 20 %, 1 MW of full-power work. At half power the work
        // occupies 1.25 MW of racks drawing 0.625 MW; the other 0.75 MW idle at 0.15 MW:
        // IT power 0.775 MW, against 1 + 0.2 x 1 = 1.2 MW at full power.
        let site = try Self.site(steps: 1, prices: [50], workloads: """
              inference: {tokens_per_second: 5000, performance_curve: dvfs}
            """, idle: 0.2)
        let (_, schedule) = try SiteFixtures.solve(site)
        let step = schedule.steps[0]
        #expect(abs(step.itMW - 0.775) < 1e-7)
        #expect(abs(step.inferenceMW - 0.625) < 1e-7)
        #expect(abs(step.idleMW - 0.15) < 1e-7)
        #expect(abs(step.inferencePowerFraction - 0.5) < 1e-7)
    }

    @Test("Scarce racks force full power: demand on every rack leaves no room to cap")
    func scarceRacksRunFull() throws {
        // 2 MW of racks, 2 MW of full-power work: capping would need more racks than exist.
        let site = try Self.site(steps: 1, prices: [50], workloads: """
              inference: {tokens_per_second: 10000, performance_curve: dvfs}
            """)
        let (_, schedule) = try SiteFixtures.solve(site)
        #expect(abs(schedule.steps[0].inferenceMW - 2) < 1e-7)
        #expect(abs(schedule.steps[0].inferencePowerFraction - 1) < 1e-7)
    }

    @Test("Token KPIs recomputed from dispatch.csv rows and jobs")
    func tokenKPIsFromDispatch() throws {
        let prices = [30.0, 90.0, 60.0, 120.0]
        let site = try Self.site(steps: 4, prices: prices, workloads: """
              inference:
                tokens_per_second: 3000
                performance_curve: dvfs
                min_power_fraction: 0.8
                value_of_lost_service_usd_per_mwh: 1000
              training_jobs:
                - {name: pretrain, tokens: 4.0e7, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T04:00Z,
                   max_power_mw: 1.2, performance_curve: dvfs}
                - {name: plain, energy_mwh: 0.6, release_utc: 2025-01-01T01:00Z, deadline_utc: 2025-01-01T03:00Z, max_power_mw: 0.5}
            """)
        let (_, schedule) = try SiteFixtures.solve(site)
        let kpis = schedule.kpis
        #expect(kpis.maxBalanceResidualMW < 1e-6)
        let csv = RunWriter.dispatchCSV(schedule)
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        func column(_ name: String) throws -> [Double] {
            let index = try #require(header.firstIndex(of: name), "no column \(name)")
            return lines.dropFirst().map { Double($0[index]) ?? .nan }
        }
        let it = try column("it_mw"), inference = try column("inference_mw"), training = try column("training_mw")
        let cost = try column("it_energy_cost_usd"), emissions = try column("emissions_t")
        let inferenceRate = try column("inference_tokens_per_s"), trainingRate = try column("training_tokens_per_s")
        // The cost column sums to the KPI (6-decimal rounding in the CSV: 1e-5 per row).
        #expect(abs(cost.reduce(0, +) - kpis.itEnergyCostUSD) < 1e-4)
        // Inference: tokens from its rate; energy, cost and emissions shared by IT power drawn.
        var energyMWh = 0.0, costUSD = 0.0, tonnes = 0.0
        for t in it.indices where inference[t] + training[t] > 1e-9 {
            let share = inference[t] / (inference[t] + training[t])
            energyMWh += it[t] * share
            costUSD += cost[t] * share
            tonnes += emissions[t] * share
        }
        let inferenceTokens = inferenceRate.reduce(0, +) * 3600
        #expect(abs(inferenceTokens - 4 * 3000 * 3600) < 1)
        #expect(abs(kpis.inferenceTokensServed - inferenceTokens) < 1)
        #expect(abs(kpis.inferenceEnergyPerTokenJoules - energyMWh * 3.6e9 / inferenceTokens) < 1e-4 * kpis.inferenceEnergyPerTokenJoules)
        #expect(abs(kpis.inferenceCostUSDPerMillionTokens - costUSD * 1e6 / inferenceTokens) < 1e-4 * kpis.inferenceCostUSDPerMillionTokens)
        #expect(abs(kpis.inferenceEmissionsGramsPerThousandTokens - tonnes * 1e9 / inferenceTokens) < 1e-4 * kpis.inferenceEmissionsGramsPerThousandTokens)
        // Training tokens: only the job with a token rate; its tokens are what it asked for.
        let trainingTokens = trainingRate.reduce(0, +) * 3600
        #expect(abs(trainingTokens - 4.0e7) < 1)
        #expect(abs(kpis.trainingTokensServed - 4.0e7) < 1)
        #expect(schedule.jobs[1].tokens == nil)
        // The site figures cover inference and the token-producing job, not the plain job.
        let pretrain = schedule.jobs[0]
        let siteCost = costUSD + pretrain.allocatedCostUSD
        #expect(abs(kpis.tokensServed - (inferenceTokens + 4.0e7)) < 1)
        #expect(abs(kpis.costUSDPerMillionTokens - siteCost * 1e6 / kpis.tokensServed) < 1e-4 * kpis.costUSDPerMillionTokens)
        // Every USD of the step costs lands on a workload (no step is idle here).
        let allocated = costUSD + schedule.jobs.map(\.allocatedCostUSD).reduce(0, +)
        #expect(abs(allocated - kpis.itEnergyCostUSD) < 1e-4)
        // Capped work per joule: inference at <= 0.8 power does more than 1 token-MWh per MWh drawn.
        #expect(kpis.inferenceEnergyPerTokenJoules < 3.6e9 / 18e6 * (1 + 1e-9))
    }

    @Test("The LP's coefficient estimate bounds a capped site's real count")
    func estimateBounds() throws {
        let site = try Self.site(steps: 3, prices: [10, 20, 30], workloads: """
              inference: {tokens_per_second: 2000, performance_curve: dvfs, value_of_lost_service_usd_per_mwh: 500}
              training_jobs:
                - {name: job, energy_mwh: 1, release_utc: 2025-01-01T00:00Z, deadline_utc: 2025-01-01T03:00Z, max_power_mw: 1,
                   min_power_mw: 0.1, performance_curve: dvfs}
            """)
        let model = try SiteCompiler.compile(site)
        #expect(model.program.entryCount <= SiteCompiler.estimatedNonzeros(site))
        #expect(model.capping.inference.count == 1)
        #expect(model.capping.training.first?.count == 1)
    }
}
