import Foundation
import Testing

/// The real-data corpus in `data/sites/real/` (docs/corpus.md): full-year hourly sites that read
/// the public files of `../shared/data` in place, plus series derived from them by
/// `tools/corpus/make_series.py`.
enum Corpus {
    static let folder = InsulaRunner.repositoryRoot.appendingPathComponent("data/sites/real")
    static let seriesFolder = InsulaRunner.repositoryRoot.appendingPathComponent("data/series/real")

    /// The corpus site files, relative to the repository root, sorted.
    static let sites: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "data/sites/real/\($0)" }
    }()

    /// Each site's text, by path.
    static func text(_ site: String) throws -> String {
        try String(contentsOf: InsulaRunner.repositoryRoot.appendingPathComponent(site), encoding: .utf8)
    }

    /// The leading comment block of a site (its header) as one lower-cased line: the `#` and
    /// the indentation of each line dropped, so a phrase may wrap.
    static func header(_ site: String) throws -> String {
        try text(site).split(separator: "\n").prefix { $0.hasPrefix("#") }
            .map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }.joined(separator: " ").lowercased()
    }

    /// The value of the first `key: value` in a site's text (flow or block style), if any.
    static func value(of key: String, in text: String) -> String? {
        guard let range = text.range(of: "\(key): ") else { return nil }
        return String(text[range.upperBound...].prefix { !",}\n #".contains($0) })
    }

    static let hasSharedData = FileManager.default.fileExists(atPath: InsulaRunner.sharedData.path)
}

/// Whether `python3` with numpy is on PATH (the series regeneration test needs it).
private let pythonWithNumpy: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import numpy"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite("The real-data corpus in data/sites/real")
struct CorpusTests {
    @Test("insula validate accepts every corpus site",
          .enabled(if: Corpus.hasSharedData, "needs ../shared/data beside the checkout"),
          arguments: Corpus.sites)
    func validates(site: String) throws {
        let outcome = try InsulaRunner.run(["validate", site])
        #expect(outcome.exitCode == 0, "\(site): \(outcome.standardError)")
        #expect(outcome.standardOutput.contains("valid"), "\(site): \(outcome.standardOutput)")
    }

    @Test("the corpus has at least 12 sites, each a full hourly year with a header naming its features")
    func fullYears() throws {
        #expect(Corpus.sites.count >= 12)
        for site in Corpus.sites {
            let text = try Corpus.text(site)
            let steps = try #require(Corpus.value(of: "steps", in: text).flatMap(Int.init), "\(site): no horizon.steps")
            #expect((8700..<8785).contains(steps), "\(site): \(steps) steps")
            #expect(Corpus.value(of: "step_minutes", in: text) == "60", "\(site)")
            #expect(try Corpus.header(site).contains("corpus features:"), "\(site): the header must list its corpus features")
        }
    }

    @Test("shared data are read in place, never copied into the repository")
    func sharedDataInPlace() throws {
        for site in Corpus.sites {
            let text = try Corpus.text(site)
            for line in text.split(separator: "\n") where line.contains("file:") || line.contains("open_meteo:") || line.contains("epw:") {
                let readsShared = line.contains("../../../../shared/data/")
                let readsDerived = line.contains("../../series/real/")
                #expect(readsShared || readsDerived, "\(site): \(line)")
            }
        }
        let derived = try FileManager.default.contentsOfDirectory(atPath: Corpus.seriesFolder.path)
        #expect(derived.allSatisfy { $0.hasSuffix(".csv") })
    }

    @Test("every region with prices or carbon in the shared data has a site")
    func regions() throws {
        let texts = try Corpus.sites.map(Corpus.text).joined(separator: "\n")
        for file in ["US-TEX-ERCO_electricity_prices_2023.csv", "US-CAL-CISO_electricity_prices_2023.csv",
                     "US-NY-NYIS_electricity_prices_2023.csv", "DE-LU_electricity_prices_2023.csv",
                     "FR_electricity_prices_2023.csv", "ES_electricity_prices_2023.csv",
                     "US-TEX-ERCO_2023_hourly.csv", "US-CAL-CISO_2023_hourly.csv", "US-MIDA-PJM_2023_hourly.csv",
                     "DE-LU_2023_hourly.csv", "GB_2023_hourly.csv", "SG_2023_hourly.csv"] {
            #expect(texts.contains(file), "no corpus site reads \(file)")
        }
    }

    @Test("the corpus carries every required feature, and each site's header states the ones it has")
    func features() throws {
        var count: [String: Int] = [:]
        for site in Corpus.sites {
            let text = try Corpus.text(site), header = try Corpus.header(site)
            func has(_ feature: String, _ present: Bool, header phrase: String) {
                guard present else { return }
                count[feature, default: 0] += 1
                #expect(header.contains(phrase), "\(site) has \(feature) but its header does not say \"\(phrase)\"")
            }
            let architecture = Corpus.value(of: "architecture", in: text)
            has("ac415", architecture == "ac415", header: "ac415")
            has("dc800", architecture == "dc800", header: "dc800")
            has("integer commitment", Corpus.value(of: "commitment", in: text) == "integer"
                && text.contains("min_up_hours") && text.contains("min_down_hours"), header: "integer smr commitment")
            let limits = ["cap_t": "carbon cap", "intensity_cap_g_per_kwh_it": "intensity cap", "cfe_target_share": "cfe target"]
            var limitCount = 0
            for (key, phrase) in limits where Corpus.value(of: key, in: text) != nil {
                limitCount += 1
                has(key, true, header: phrase)
            }
            has("two limits", limitCount >= 2, header: "two limits binding at once")
            has("demand charge", Double(Corpus.value(of: "demand_charge_usd_per_mw", in: text) ?? "0")! > 0, header: "demand charge")
            has("wind", text.contains("kind: wind"), header: "wind")
            has("price spikes", text.contains("US-TEX-ERCO_electricity_prices_2023.csv"), header: "price spikes")
            has("staged SMR arrivals", header.contains("staged smr arrival"), header: "staged smr arrival")
            has("refuelling", header.contains("refuelling outage"), header: "refuelling outage")
            // A staged arrival is an outage from the horizon start; a refuelling outage starts later.
            let start = try #require(Corpus.value(of: "start_utc", in: text))
            let outageStarts = text.components(separatedBy: "{unit: ").dropFirst().compactMap { Corpus.value(of: "start_utc", in: $0) }
            if header.contains("staged smr arrival") {
                #expect(outageStarts.contains(start), "\(site): no outage runs from the horizon start \(start)")
            }
            if header.contains("refuelling outage") {
                #expect(outageStarts.contains { $0 != start }, "\(site): no outage starts after the horizon start")
            }
            if Corpus.value(of: "commitment", in: text) == "integer" {
                let units = try #require(Corpus.value(of: "units", in: text).flatMap(Int.init))
                #expect(units <= 3, "\(site): keep the MILP moderate")
            }
            if text.contains("SG_2023_hourly.csv") {
                #expect(!text.contains("\nsmr:"), "\(site): Singapore has no SMR in the corpus")
            }
        }
        for feature in ["ac415", "dc800", "integer commitment", "cap_t", "intensity_cap_g_per_kwh_it", "cfe_target_share",
                        "two limits", "demand charge", "wind", "price spikes", "staged SMR arrivals", "refuelling"] {
            #expect(count[feature, default: 0] >= 1, "no corpus site has \(feature)")
        }
    }

    @Test("tools/corpus/make_series.py regenerates data/series/real byte for byte",
          .enabled(if: pythonWithNumpy && Corpus.hasSharedData, "needs python3 with numpy and ../shared/data"))
    func seriesRegenerate() throws {
        let out = try InsulaRunner.temporaryFolder().appendingPathComponent("series")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "tools/corpus/make_series.py", "--quiet", "--out", out.path, "--shared", InsulaRunner.sharedData.path]
        process.currentDirectoryURL = InsulaRunner.repositoryRoot
        let error = Pipe()
        process.standardError = error
        try process.run()
        let errors = String(decoding: error.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        let committed = try FileManager.default.contentsOfDirectory(atPath: Corpus.seriesFolder.path).sorted()
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(committed == written)
        for name in written {
            let fresh = try Data(contentsOf: out.appendingPathComponent(name))
            let stored = try Data(contentsOf: Corpus.seriesFolder.appendingPathComponent(name))
            #expect(fresh == stored, "\(name) differs from the committed file: rerun tools/corpus/make_series.py")
        }
    }
}
