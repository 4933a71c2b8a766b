import Foundation
import Testing
@testable import Island

@Suite("Psychrometrics")
struct PsychrometricsTests {
    /// Reference wet bulbs at 101.325 kPa: ASHRAE Fundamentals 2017 ch. 1 with the Hyland-Wexler
    /// saturation pressure (eq. 6), computed independently of this code; they agree with the
    /// psychrometric chart (20 C / 50 % -> 13.8 C; 25 C / 50 % -> 17.9 C). The Magnus form used here
    /// differs from Hyland-Wexler by well under 0.05 K in wet bulb.
    @Test("wet bulb matches ASHRAE (Hyland-Wexler) values within 0.05 K", arguments: [
        (20.0, 50.0, 13.784), (25.0, 50.0, 17.889), (30.0, 40.0, 20.064), (35.0, 20.0, 18.870), (10.0, 80.0, 8.290),
        (40.0, 10.0, 18.566), (45.0, 10.0, 21.175),
    ])
    func wetBulb(dryBulb: Double, humidity: Double, expected: Double) {
        let wetBulb = Psychrometrics.wetBulbC(dryBulbC: dryBulb, relativeHumidityPercent: humidity)
        #expect(abs(wetBulb - expected) < 0.05, "got \(wetBulb)")
    }

    @Test("Stull's formula agrees with the psychrometric solution within 1 K (5-45 C, 10-95 % RH)")
    func stullAgrees() {
        for dryBulb in stride(from: 5.0, through: 45, by: 5) {
            for humidity in stride(from: 10.0, through: 95, by: 15) {
                let exact = Psychrometrics.wetBulbC(dryBulbC: dryBulb, relativeHumidityPercent: humidity)
                let stull = Psychrometrics.stullWetBulbC(dryBulbC: dryBulb, relativeHumidityPercent: humidity)
                #expect(abs(stull - exact) < 1.0, "T \(dryBulb) RH \(humidity): \(stull) vs \(exact)")
            }
        }
        #expect(abs(Psychrometrics.stullWetBulbC(dryBulbC: 20, relativeHumidityPercent: 50) - 13.7) < 0.05)
    }

    @Test("saturated air: wet bulb equals dry bulb equals dew point")
    func saturated() {
        #expect(abs(Psychrometrics.wetBulbC(dryBulbC: 15, dewPointC: 15) - 15) < 1e-6)
        #expect(abs(Psychrometrics.dewPointC(dryBulbC: 15, relativeHumidityPercent: 100) - 15) < 1e-9)
    }

    @Test("lower pressure (altitude) lowers the wet bulb")
    func altitude() {
        let sea = Psychrometrics.wetBulbC(dryBulbC: 35, dewPointC: 5)
        let high = Psychrometrics.wetBulbC(dryBulbC: 35, dewPointC: 5, pressurePa: Psychrometrics.pressurePa(elevationM: 1600))
        #expect(high < sea)
        #expect(abs(Psychrometrics.pressurePa(elevationM: 1600) - 83_523) < 1)
    }
}

@Suite("Cooling COP model")
struct CoolingTests {
    static func plant(kind: CoolingPlant.EconomiserKind = .dryCooler, supplyC: Double = 32) -> CoolingPlant {
        CoolingPlant(model: .weather, facilitySupplyC: supplyC, returnDeltaK: 10, economiserKind: kind,
                     approachK: kind == .dryCooler ? 10 : 5, carnotFraction: 0.45, condenserApproachK: 5,
                     evaporatorApproachK: 2, auxiliaryKWPerMWHeat: 35, minimumLiftK: 3, maximumChillerCOP: 12)
    }

    @Test("cold weather: full free cooling, COP = 1 / aux = 28.6")
    func fullFreeCooling() {
        let plant = Self.plant()
        #expect(plant.freeCoolingShare(ambientC: 15) == 1)
        #expect(abs(plant.cop(dryBulbC: 15, wetBulbC: 10) - 1000.0 / 35) < 1e-9)
    }

    @Test("partial economiser: f interpolates between return and supply")
    func partial() {
        // T_ret 42, approach 10: ambient 27 -> precooled to 37 -> f = (42 - 37) / 10 = 0.5.
        let plant = Self.plant()
        #expect(abs(plant.freeCoolingShare(ambientC: 27) - 0.5) < 1e-12)
        let chiller = plant.chillerCOP(ambientC: 27)
        // T_evap 30 C = 303.15 K, T_cond 32 C: lift 2 K floored to 3 K -> 0.45 x 303.15 / 3 = 45.5, capped at 12.
        #expect(chiller == 12)
        #expect(abs(plant.cop(dryBulbC: 27, wetBulbC: 20) - 1 / (0.035 + 0.5 / 12)) < 1e-12)
    }

    @Test("hot weather: chiller only, Carnot-fraction COP")
    func chillerOnly() {
        let plant = Self.plant(supplyC: 27)
        // T_evap 25 C = 298.15 K, T_cond 45 + 5 = 50 C: lift 25 K -> 0.45 x 298.15 / 25 = 5.367.
        #expect(plant.freeCoolingShare(ambientC: 45) == 0)
        #expect(abs(plant.chillerCOP(ambientC: 45) - 0.45 * 298.15 / 25) < 1e-12)
        #expect(abs(plant.cop(dryBulbC: 45, wetBulbC: 20) - 1 / (0.035 + 25 / (0.45 * 298.15))) < 1e-12)
    }

    @Test("COP never rises with ambient temperature", arguments: [CoolingPlant.EconomiserKind.dryCooler, .wetTower])
    func monotonic(kind: CoolingPlant.EconomiserKind) {
        let plant = Self.plant(kind: kind)
        var previous = Double.infinity
        for ambient in stride(from: -20.0, through: 50, by: 0.5) {
            let cop = plant.cop(dryBulbC: ambient, wetBulbC: ambient)
            #expect(cop <= previous + 1e-12 && cop.isFinite && cop > 0)
            previous = cop
        }
    }

    @Test("a wet tower uses the wet bulb")
    func wetTower() {
        let plant = Self.plant(kind: .wetTower)
        // Dry bulb 40 C but wet bulb 20 C: T_ret 42, 20 + 5 = 25 <= 32 -> full free cooling.
        #expect(abs(plant.cop(dryBulbC: 40, wetBulbC: 20) - 1000.0 / 35) < 1e-9)
    }

    @Test("the hot site needs chillers in summer; the temperate site mostly free-cools")
    func exampleClimates() throws {
        let hot = try SiteLoader.load(from: Fixtures.site("hot-climate.yaml"))
        let temperate = try SiteLoader.load(from: Fixtures.site("example.yaml"))
        let julyHot = hot.horizon.steps > 5000 ? Array(hot.freeCoolingShare[4344..<5088]) : []
        #expect(julyHot.filter { $0 < 1 }.count > 600)
        let yearlyFree = temperate.freeCoolingShare.reduce(0, +) / Double(temperate.horizon.steps)
        #expect(yearlyFree > 0.8)
        #expect(hot.copSeries.min()! < temperate.copSeries.min()!)
        #expect(hot.weather!.dryBulbC.max()! > 40)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(Data(message.utf8)) == digest)
    }

    @Test("lengths around the block boundary")
    func boundaries() {
        // 55 and 56 bytes straddle the padding boundary; 64 is one full block.
        #expect(SHA256.hexDigest(Data(repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hexDigest(Data(repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hexDigest(Data(repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test("matches the SHA256SUMS of the shared real data")
    func realFile() throws {
        let sums = Fixtures.sharedData.appendingPathComponent("SHA256SUMS")
        guard let text = try? String(contentsOf: sums, encoding: .utf8) else { return }  // data not mounted
        let line = try #require(text.split(separator: "\n").first { $0.hasSuffix("US-MIDA-PJM_2023_hourly.csv") })
        let expected = String(line.prefix(64))
        let data = try Data(contentsOf: Fixtures.sharedData.appendingPathComponent("carbon/electricitymaps_2023/US-MIDA-PJM_2023_hourly.csv"))
        #expect(SHA256.hexDigest(data) == expected)
    }
}
