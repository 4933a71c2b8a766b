import Foundation
import Testing

/// `insula solve` with a demand-response contract and `insula flex headroom`, end to end on two
/// weeks of the real CAISO 2023 site (`data/sites/real-caiso-2023.yaml`, read from `../shared/data`),
/// without its SMR so that the grid carries the site.
@Suite("Grid flexibility end to end on real CAISO data",
       .enabled(if: FileManager.default.fileExists(atPath: InsulaRunner.sharedData.path)))
struct FlexCommandTests {
    /// The real site cut to 2023-10-01..15 (the fine-tuning job's window), SMR and pre-training
    /// removed, data paths made absolute, and `flexibility` appended.
    static func site(flexibility: String) throws -> URL {
        var text = try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent("data/sites/real-caiso-2023.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "../../../shared/data", with: InsulaRunner.sharedData.path)
        text = text.replacingOccurrences(of: "  start_utc: 2023-01-02T00:00Z\n  steps: 8736", with: "  start_utc: 2023-10-01T00:00Z\n  steps: 336")
        var lines = text.components(separatedBy: "\n")
        // Drop the SMR block (up to the next blank line) and the pre-training job.
        if let start = lines.firstIndex(where: { $0.hasPrefix("smr:") }), let end = lines[start...].firstIndex(of: "") {
            lines.removeSubrange(start..<end)
        }
        lines.removeAll { $0.contains("name: pretrain") }
        let folder = try InsulaRunner.temporaryFolder()
        let file = folder.appendingPathComponent("site.yaml")
        try (lines.joined(separator: "\n") + "\n" + flexibility + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static let contract = """
        flexibility:
          demand_response:
            - name: caiso-dr
              baseline_mw: 150
              reduce_to_mw: 90
              payment_usd_per_mw_year: 60000
              penalty_usd_per_mwh: 1000
              notice_hours: 24
              budget: {hours_per_year: 8760, events_per_year: 365, duration_hours: 4, rule: highest_price}
        """

    static func table(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.components(separatedBy: ",") }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test("solve writes events.csv: every event delivered at or below its level in dispatch.csv, its reduction attributed, payment in the summary")
    func solveWithContract() throws {
        let site = try Self.site(flexibility: Self.contract)
        let folder = site.deletingLastPathComponent().appendingPathComponent("run")
        let outcome = try InsulaRunner.run(["solve", site.path, "--out", folder.path, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        // 60,000 USD/MW-year x (150 - 90) MW x 336 h / 8760 h.
        #expect(abs((summary["dr_payment_usd"] as? Double ?? 0) - 60_000 * 60 * 336 / 8760) < 1e-6)
        let events = try Self.table(folder.appendingPathComponent("events.csv"))
        // min(365, 8760 / 4) events a year x 336 / 8760 years = 14.
        #expect(events.count == 14)
        #expect(summary["dr_events"] as? Int == 14)
        let dispatch = try Self.table(folder.appendingPathComponent("dispatch.csv"))
        let importByTime = Dictionary(uniqueKeysWithValues: dispatch.map { ($0["timestamp"]!, Double($0["grid_import_mw"]!)!) })
        let formatter = ISO8601DateFormatter()
        for event in events {
            let level = try #require(Double(event["level_mw"]!))
            var time = try #require(formatter.date(from: event["start_utc"]!.replacingOccurrences(of: "Z", with: ":00Z")))
            let end = try #require(formatter.date(from: event["end_utc"]!.replacingOccurrences(of: "Z", with: ":00Z")))
            while time < end {
                let label = String(formatter.string(from: time).dropLast(4)) + "Z"
                let imported = try #require(importByTime[label], "\(label)")
                if event["delivered"] == "true" { #expect(imported <= level + 1e-6 * level, "\(label): \(imported) > \(level)") }
                time += 3600
            }
            let parts = ["training_mwh", "inference_shed_mwh", "it_other_mwh", "battery_mwh", "backup_mwh", "smr_mwh", "renewables_mwh",
                         "cooling_mwh", "losses_mwh", "export_mwh"].compactMap { Double(event[$0]!) }.reduce(0, +)
            #expect(abs(parts - Double(event["import_reduction_mwh"]!)!) < 1e-4, "the parts add up to the reduction")
        }
    }

    @Test("flex headroom writes one row per budget; the firm import falls as the budget grows")
    func headroom() throws {
        let site = try Self.site(flexibility: "")
        let folder = site.deletingLastPathComponent().appendingPathComponent("headroom")
        let outcome = try InsulaRunner.run(["flex", "headroom", site.path, "--out", folder.path])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let rows = try Self.table(folder.appendingPathComponent("headroom.csv"))
        #expect(rows.map { $0["budget_percent"] } == ["0.25", "0.5", "1"])
        let firm = rows.compactMap { Double($0["firm_import_mw"]!) }
        #expect(firm.count == 3)
        for (smaller, larger) in zip(firm, firm.dropFirst()) { #expect(larger < smaller) }
        for row in rows {
            // Curtailed energy never exceeds the budget's share of the reference energy.
            let budget = Double(row["budget_percent"]!)! / 100 * Double(row["reference_import_mwh"]!)!
            #expect(Double(row["curtailed_mwh"]!)! <= budget * (1 + 1e-6))
            #expect(abs(Double(row["headroom_mw"]!)! - (Double(row["reference_peak_import_mw"]!)! - Double(row["firm_import_mw"]!)!)) < 1e-5)
        }
    }

    @Test("flex headroom --window solves only the window: its reference energy is the window's")
    func headroomWindow() throws {
        let site = try Self.site(flexibility: "")
        let whole = site.deletingLastPathComponent().appendingPathComponent("whole")
        let week = site.deletingLastPathComponent().appendingPathComponent("week")
        #expect(try InsulaRunner.run(["flex", "headroom", site.path, "--budgets", "1", "--out", whole.path]).exitCode == 0)
        let outcome = try InsulaRunner.run(["flex", "headroom", site.path, "--budgets", "1", "--out", week.path,
                                            "--window", "2023-10-01T00:00Z..2023-10-08T00:00Z"])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let energyWhole = try #require(Double(Self.table(whole.appendingPathComponent("headroom.csv"))[0]["reference_import_mwh"]!))
        let energyWeek = try #require(Double(Self.table(week.appendingPathComponent("headroom.csv"))[0]["reference_import_mwh"]!))
        #expect(energyWeek > 0 && energyWeek < 0.75 * energyWhole, "\(energyWeek) of \(energyWhole) MWh")
    }

    @Test("a contract with a negative reduction, or a bad budget list, exits 2 naming the key or option")
    func badInput() throws {
        let site = try Self.site(flexibility: Self.contract.replacingOccurrences(of: "reduce_to_mw: 90", with: "reduce_by_mw: -5"))
        let outcome = try InsulaRunner.run(["solve", site.path, "--out", site.deletingLastPathComponent().appendingPathComponent("run").path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("flexibility.demand_response[0].reduce_by_mw"), "\(outcome.standardError)")
        let budgets = try InsulaRunner.run(["flex", "headroom", site.path, "--budgets", "0.5,-1"])
        #expect(budgets.exitCode == 2)
        #expect(budgets.standardError.contains("--budgets"))
    }
}
