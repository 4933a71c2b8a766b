import Foundation
import Island
import Operations
import Testing

@Suite("Receding-horizon operation: a margin on the carbon ratios")
struct RatioMarginTests {
    /// Relative tolerance on a realised ratio against its limit (LP tolerance, summed over 72 steps).
    static let tolerance = 1e-6

    @Test("A margin tightens the intensity cap and the CFE target's unmatched allowance by the same fraction")
    func tightening() throws {
        let policy = CarbonPolicy(priceUSDPerTonne: 50, capTonnes: 1000, intensityCapGramsPerKWhIT: 300, cfeTargetShare: 0.6)
        let tightened = policy.withRatioMargin(0.1)
        #expect(abs(try #require(tightened.intensityCapGramsPerKWhIT) - 270) < 1e-12)
        #expect(abs(try #require(tightened.cfeTargetShare) - 0.64) < 1e-12)
        #expect(tightened.capTonnes == 1000 && tightened.priceUSDPerTonne == 50)
        #expect(policy.withRatioMargin(0) == policy)
        #expect(CarbonPolicy(priceUSDPerTonne: 50).withRatioMargin(0.1) == CarbonPolicy(priceUSDPerTonne: 50))
    }

    @Test("With perfect forecasts and a margin the run holds the tightened limit and is judged against the site's own",
          arguments: ["intensity_cap_g_per_kwh_it: 300", "cfe_target_share: 0.6"])
    func perfectWithMargin(carbon: String) throws {
        let site = try RatioSites.site(carbon: carbon)
        var options = OperationOptions(replanSteps: 6, lookaheadSteps: 24)
        options.ratioMargin = 0.02
        let run = try RecedingHorizon.run(site, options: options)
        #expect(run.status == "completed", "\(run.message ?? "")")
        let ratios = try #require(run.carbonRatios)
        #expect(ratios.relaxedWindows == 0)
        if let intensity = ratios.intensityGramsPerKWhIT {
            #expect(intensity <= 294 * (1 + Self.tolerance), "realised \(intensity) g/kWh")
            #expect(ratios.intensityCapGramsPerKWhIT == 300 && ratios.intensityCapMet == true)
            #expect(abs(try #require(ratios.perfectForesightIntensityGramsPerKWhIT) - 300) <= 300 * Self.tolerance)
        }
        if let share = ratios.cfeShare {
            #expect(share >= 0.608 * (1 - Self.tolerance), "realised CFE share \(share)")
            #expect(ratios.cfeTargetShare == 0.6 && ratios.cfeTargetMet == true)
            #expect(abs(try #require(ratios.perfectForesightCFEShare) - 0.6) <= 0.6 * Self.tolerance)
        }
        // The benchmark is the optimum on the site's own limits: the margin costs something.
        let perfect = try #require(run.perfectForesight)
        #expect(run.realised.objectiveUSD > perfect.objectiveUSD)
    }

    @Test("With day-ahead forecasts a margin ends the run no dirtier than without one")
    func forecastsWithMargin() throws {
        let site = try RatioSites.intensityCapped()
        func intensity(margin: Double) throws -> Double {
            var options = OperationOptions(replanSteps: 1, lookaheadSteps: 24, forecaster: RatioSites.forecasts)
            options.ratioMargin = margin
            let run = try RecedingHorizon.run(site, options: options)
            #expect(run.status == "completed", "\(run.message ?? "")")
            return try #require(run.carbonRatios?.intensityGramsPerKWhIT)
        }
        let plain = try intensity(margin: 0), hedged = try intensity(margin: 0.05)
        #expect(hedged <= plain, "with the margin \(hedged) g/kWh, without \(plain) g/kWh")
    }

    @Test("A margin outside [0, 1), or one that puts the limits out of reach, is refused", arguments: [-0.1, 1, .nan, 0.5])
    func refused(margin: Double) throws {
        let site = try RatioSites.intensityCapped()
        var options = OperationOptions(replanSteps: 24, lookaheadSteps: 24)
        options.ratioMargin = margin
        let error = #expect(throws: OperationError.self) { try RecedingHorizon.run(site, options: options) }
        #expect(error?.description.contains("ratio margin") == true)
    }
}
