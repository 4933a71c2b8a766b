import Foundation
import Island
import Optimization
@testable import Planning
import Scheduling
import Testing

/// Sites of several days for representative-day plans.
enum AggregationSites {
    /// Four days of varied prices, solar, an SMR fleet, a battery and a grid connection to size,
    /// a training job whose window covers days 2 and 3, a carbon cap and a site ramp limit:
    /// every family that representative days weight, link or tie across a day's start.
    static func fourDays(days: Int = 4, aggregation: String = "", carbonCapT: Double = 900) throws -> Site {
        let steps = 24 * days
        var price: [Double] = [], cf: [Double] = [], intensity: [Double] = []
        for t in 0..<steps {
            let hour = Double(t % 24), day = Double(t / 24)
            let spike: Double = [18, 19, 20].contains(t % 24) ? 180 : 0
            let night: Double = t % 24 < 6 ? -25 : 0
            price.append(40 + 12 * Double((t / 24) % 3) + spike + night)
            let sun = max(0, sin((hour - 6) / 12 * Double.pi))
            cf.append(sun * (1 - 0.2 * Double((t / 24) % 2)))
            intensity.append(300 + 150 * cos(hour / 24 * 2 * Double.pi) + 20 * day)
        }
        return try PlanSites.write("""
            name: four-days
            horizon: {start_utc: 2025-03-01T00:00Z, steps: \(steps), step_minutes: 60}
            investment: {discount_rate: 0.06}
            \(aggregation)
            smr:
              units: 0
              capacity_mw_per_unit: 2
              min_stable_load_fraction: 0.4
              ramp_fraction_per_hour: 0.15
              marginal_cost_usd_per_mwh: 12
              build: {max_units: 3, integer: false, capex_usd_per_kw: 3000, fixed_om_usd_per_kw_year: 80, lifetime_years: 40}
            grid_feeds:
              - name: grid
                import_capacity_mw: 6
                export_capacity_mw: 2
                price_usd_per_mwh: {file: series.csv, column: price}
                carbon_intensity_g_per_kwh: {file: series.csv, column: intensity}
                build: {max_added_mw: 10, capex_usd_per_kw: 150, lifetime_years: 40}
            renewables:
              - {name: pv, kind: solar, coupling: ac, capacity_factor: {file: series.csv, column: cf},
                 build: {max_mw: 20, capex_usd_per_kw: 700, fixed_om_usd_per_kw_year: 15, lifetime_years: 25}}
            batteries:
              - {name: bess, soc_min_fraction: 0.1, initial_soc_fraction: 0.5, final_soc: cyclic, coupling: ac,
                 build: {max_power_mw: 10, max_energy_mwh: 40, capex_usd_per_kw: 150, capex_usd_per_kwh: 150, lifetime_years: 15}}
            it_fleet: {racks: 20, power_per_rack_kw: 500}
            workloads:
              inference: {demand_mw: 4}
              training_jobs:
                - {name: job, energy_mwh: 60, release_utc: 2025-03-02T00:00Z, deadline_utc: 2025-03-04T00:00Z, max_power_mw: 4}
            cooling: {cop: 5}
            carbon: {price_usd_per_t: 50, cap_t: \(carbonCapT)}
            limits: {ramp_limit_mw_per_hour: 3}
            """, series: ["price": price, "cf": cf, "intensity": intensity])
    }

    static let exact = PlanOptions(moduleCounts: .relaxed, solver: SolverOptions(method: .dual))
}

@Suite("Representative days: clustering")
struct ClusteringTests {
    /// Points 0, 0.05, 0.1, 0.2 | 10, 10.1, 10.3 | 20, 20.1, 20.2 on a line: each group's 1-medoid
    /// is its centre (0.1 and 0.05 tie at 0.25 for the first; the lower index, 0.1, wins).
    @Test("PAM on a hand case with obvious clusters: three tight groups give three medoids, one in each, members to their own")
    func obviousClusters() {
        let points: [Double] = [0, 0.1, 0.2, 10, 10.1, 10.3, 20, 20.2, 20.1, 0.05]
        let result = KMedoids.cluster(count: points.count, groups: Array(repeating: 0, count: points.count), k: 3) { abs(points[$0] - points[$1]) }
        #expect(result.medoids == [1, 4, 8])
        #expect(result.assignment == [1, 1, 1, 4, 4, 4, 8, 8, 8, 1])
        #expect(abs(result.cost - (0.25 + 0.3 + 0.2)) < 1e-12)
        // Deterministic: the same answer however often it runs.
        let again = KMedoids.cluster(count: points.count, groups: Array(repeating: 0, count: points.count), k: 3) { abs(points[$0] - points[$1]) }
        #expect(again.medoids == result.medoids && again.assignment == result.assignment)
    }

    @Test("A point is only represented by a medoid of its own group, and every group gets one")
    func groupsAreRespected() {
        let points: [Double] = [0, 0.1, 0.2, 0.3, 0.15]
        let groups = [0, 0, 1, 1, 0]
        let result = KMedoids.cluster(count: points.count, groups: groups, k: 2) { abs(points[$0] - points[$1]) }
        #expect(Set(result.medoids.map { groups[$0] }) == [0, 1])
        for (point, medoid) in result.assignment.enumerated() { #expect(groups[point] == groups[medoid]) }
    }

    /// Twelve days of three shapes of price (four days each, slightly perturbed): three
    /// representative days pick one of each shape, each standing for four days.
    @Test("Days of three obvious shapes: K = 3 puts every day with its own shape, weights 4, 4, 4")
    func threeShapesOfDay() throws {
        let shapes: [(Int) -> Double] = [{ _ in 50 }, { $0 < 12 ? 20 : 90 }, { [17, 18, 19].contains($0) ? 300 : 40 }]
        let order = [0, 1, 2, 2, 1, 0, 0, 2, 1, 1, 2, 0]
        var price: [Double] = []
        for (day, shape) in order.enumerated() { price += (0..<24).map { shapes[shape]($0) + Double(day) * 0.01 } }
        let site = try PlanSites.write("""
            name: shapes
            horizon: {start_utc: 2025-01-01T00:00Z, steps: \(price.count), step_minutes: 60}
            aggregation: {representative_days: 3}
            grid_feeds: [{name: grid, import_capacity_mw: 10, price_usd_per_mwh: {file: series.csv, column: price}, carbon_intensity_g_per_kwh: 400}]
            renewables: [{name: pv, kind: solar, coupling: ac, capacity_factor: 0.2, build: {max_mw: 5, capex_usd_per_kw: 800, lifetime_years: 25}}]
            it_fleet: {racks: 10, power_per_rack_kw: 200}
            workloads: {inference: {demand_mw: 1}}
            cooling: {cop: 5}
            """, series: ["price": price])
        let days = RepresentativeDays(site: site, settings: try #require(site.aggregation))
        for day in order.indices { #expect(order[days.representative[day]] == order[day], "day \(day)") }
        let weights = Dictionary(grouping: days.representative, by: { $0 }).mapValues(\.count)
        #expect(weights.count == 3 && weights.values.allSatisfy { $0 == 4 })
        #expect(days.featureSeries == ["grid_feeds[0].price_usd_per_mwh"])  // export price equals it once scaled; the rest is constant
    }

    /// Ten days whose price and sunshine rise with the square of the day: two medoids (the middle
    /// days of each half) stand for them, below each half's mean, so the horizon's totals are
    /// misstated unless the medoids are rescaled.
    @Test("Rescaling: the medoid days' series, weighted, add up to the clustered days' totals; off, they are the days themselves")
    func rescaledMedoids() throws {
        func site(_ rescale: Bool) throws -> Site {
            var price: [Double] = [], cf: [Double] = []
            for t in 0..<240 {
                let hour = Double(t % 24), day = Double(t / 24)
                price.append(40 + 0.5 * day * day + 20 * sin(hour / 24 * Double.pi))
                cf.append(max(0, sin((hour - 6) / 12 * Double.pi)) * (0.5 + 0.005 * day * day))
            }
            return try PlanSites.write("""
                name: rescaled
                horizon: {start_utc: 2025-01-01T00:00Z, steps: 240, step_minutes: 60}
                aggregation: {representative_days: 2, rescale: \(rescale)}
                grid_feeds: [{name: grid, import_capacity_mw: 10, price_usd_per_mwh: {file: series.csv, column: price}, carbon_intensity_g_per_kwh: 300}]
                renewables: [{name: pv, kind: solar, coupling: ac, capacity_factor: {file: series.csv, column: cf}, build: {max_mw: 5, capex_usd_per_kw: 800, lifetime_years: 25}}]
                it_fleet: {racks: 10, power_per_rack_kw: 200}
                workloads: {inference: {demand_mw: 1}}
                cooling: {cop: 5}
                """, series: ["price": price, "cf": cf])
        }
        for rescale in [true, false] {
            let original = try site(rescale)
            let days = RepresentativeDays(site: original, settings: try #require(original.aggregation))
            let represented = days.site(of: original)
            let weights = try #require(represented.representativePeriods?.stepWeights)
            for (name, values, scaled) in [("price", original.gridFeeds[0].importPriceUSDPerMWh, represented.gridFeeds[0].importPriceUSDPerMWh),
                                           ("cf", original.renewables[0].capacityFactor, represented.renewables[0].capacityFactor)] {
                let low = values.min()!
                let year = values.reduce(0) { $0 + $1 - low }
                let weighted = zip(scaled, weights).reduce(0) { $0 + ($1.0 - low) * $1.1 }
                if rescale {
                    #expect(abs(weighted - year) <= 1e-9 * year, "\(name): \(weighted) vs \(year)")
                    #expect(scaled.allSatisfy { $0 <= values.max()! + 1e-12 })
                } else {
                    #expect(abs(weighted - year) > 1e-3 * year, "\(name) should differ without rescaling")
                    #expect(days.scaleFactors.isEmpty)
                }
            }
        }
    }

    @Test("Weights add up to the days, the choice is deterministic, and a job's window keeps its days among themselves")
    func weightsAndDeterminism() throws {
        let site = try AggregationSites.fourDays(days: 10, aggregation: "aggregation: {representative_days: 4}")
        let first = RepresentativeDays(site: site, settings: try #require(site.aggregation))
        let second = RepresentativeDays(site: site, settings: try #require(site.aggregation))
        #expect(first.representative == second.representative)
        let represented = first.site(of: site)
        let periods = try #require(represented.representativePeriods)
        #expect(periods.weights.reduce(0, +) == 10)
        #expect(periods.stepWeights.reduce(0, +) == Double(site.horizon.steps))
        #expect(represented.horizon.steps == 24 * periods.periods.count && periods.periods.count == 4)
        // Days 2 and 3 (the job's window) are a kind of their own: each stands for itself or for the other.
        for day in [1, 2] { #expect([1, 2].contains(first.representative[day])) }
        for day in [0, 3, 4, 5, 6, 7, 8, 9] { #expect(![1, 2].contains(first.representative[day])) }
        #expect(represented.horizonYears == site.horizonYears)
    }

    @Test("Partial days at the horizon's edges stand for themselves; days can follow a UTC offset")
    func edgesAndOffsets() throws {
        let horizon = Horizon(startEpochSeconds: 1_735_711_200, steps: 60, stepMinutes: 60)  // 2025-01-01T06:00Z
        let utc = DayPartition(horizon: horizon)
        #expect(utc.periods.map(\.count) == [18, 24, 18] && utc.wholeDays == 1)
        let central = DayPartition(horizon: horizon, utcOffsetHours: -6)  // days from 06:00Z
        #expect(central.periods.map(\.count) == [24, 24, 12] && central.wholeDays == 2)
        let quarter = DayPartition(horizon: Horizon(startEpochSeconds: 1_735_689_600, steps: 200, stepMinutes: 15))
        #expect(quarter.stepsPerDay == 96 && quarter.periods.map(\.count) == [96, 96, 8])
    }
}

@Suite("Representative days: the plan")
struct AggregatedPlanTests {
    @Test("K = the number of days reproduces the full-horizon plan: objective to 1e-9, and the same build")
    func everyDayIsExact() throws {
        let full = try AggregationSites.fourDays()
        let plan = try CapacityPlanner.plan(full, options: AggregationSites.exact)
        let expected = try #require(plan.outcome.result.objectiveValue)
        let aggregated = try AggregatedPlanner.plan(try AggregationSites.fourDays(aggregation: "aggregation: {representative_days: 4}"),
                                                    options: AggregationSites.exact)
        let estimate = try #require(aggregated.estimate?.totalCostUSD)
        #expect(abs(estimate - expected) <= 1e-9 * abs(expected), "aggregated \(estimate) vs full \(expected)")
        let built = try #require(plan.outcome.schedule?.capacities), chosen = try #require(aggregated.plan.outcome.schedule?.capacities)
        for (a, b) in zip(built, chosen) { #expect(abs(a.installed - b.installed) <= 1e-6 * max(1, a.installed), "\(a.asset) \(a.dimension)") }
        // Operating the build over the horizon costs what the plan said.
        let verification = try #require(aggregated.verification)
        #expect(abs(try #require(verification.costError)) < 1e-8)
        #expect(abs(try #require(verification.emissionsError)) < 1e-6)
    }

    /// Two cheap days (10 USD/MWh) then two dear ones (100), flat within each day, and a
    /// lossless 10 MWh battery that starts and ends empty: only storage from one cluster of days
    /// to the other saves anything, 90 USD for each of its 10 MWh. Two representative days (one
    /// cheap, one dear, each standing for two) must find it, as the full horizon does.
    @Test("Seasonal storage: charge in one cluster, discharge in another, the analytic saving, and bounds on every day")
    func seasonalStorage() throws {
        func site(energyMWh: Double?, days: Int?) throws -> Site {
            let price = (0..<96).map { $0 < 48 ? 10.0 : 100.0 }
            let battery = energyMWh.map { energy in """
                batteries:
                  - {name: store, energy_mwh: \(energy), power_mw: 5, charge_efficiency: 1, discharge_efficiency: 1, soc_min_fraction: 0,
                     initial_soc_fraction: 0, final_soc: 0, coupling: ac}
                """ } ?? ""
            return try PlanSites.write("""
                name: seasonal
                horizon: {start_utc: 2025-01-01T00:00Z, steps: 96, step_minutes: 60}
                \(days.map { "aggregation: {representative_days: \($0)}" } ?? "")
                power_distribution: {efficiencies: {storage_inverter: 1}}
                grid_feeds: [{name: grid, import_capacity_mw: 10, price_usd_per_mwh: {file: series.csv, column: price}, carbon_intensity_g_per_kwh: 0}]
                \(battery)
                renewables: [{name: pv, kind: solar, coupling: ac, capacity_factor: 0, build: {max_mw: 1, capex_usd_per_kw: 1, lifetime_years: 1}}]
                it_fleet: {racks: 10, power_per_rack_kw: 200}
                workloads: {inference: {demand_mw: 1}}
                cooling: {cop: 5}
                """, series: ["price": price])
        }
        let without = try #require(try CapacityPlanner.plan(try site(energyMWh: nil, days: nil), options: AggregationSites.exact).outcome.result.objectiveValue)
        let full = try #require(try CapacityPlanner.plan(try site(energyMWh: 10, days: nil), options: AggregationSites.exact).outcome.result.objectiveValue)
        let aggregated = try AggregatedPlanner.plan(try site(energyMWh: 10, days: 2), options: AggregationSites.exact)
        #expect(aggregated.days.representative == [0, 0, 2, 2])
        let estimate = try #require(aggregated.estimate?.totalCostUSD)
        #expect(abs(full - (without - 900)) < 1e-6)
        #expect(abs(estimate - (without - 900)) < 1e-6, "aggregated \(estimate), analytic \(without - 900)")
        // Reconstructed day by day: 0, 5, 10, 5 MWh at the days' starts, never outside [0, 10].
        let states = aggregated.periodStates
        #expect(states.count == 4)
        for (state, start) in zip(states, [0.0, 5, 10, 5]) { #expect(abs(state.startMWh - start) < 1e-6) }
        #expect(states.allSatisfy { $0.lowestMWh >= -1e-6 && $0.highestMWh <= 10 + 1e-6 })
    }

    @Test("State-of-charge bounds hold on every original day when the year is rebuilt from its representatives")
    func boundsOnEveryDay() throws {
        let site = try AggregationSites.fourDays(days: 10, aggregation: "aggregation: {representative_days: 4}")
        let aggregated = try AggregatedPlanner.plan(site, options: AggregationSites.exact)
        let energy = try #require(aggregated.plan.outcome.schedule?.capacities.first { $0.dimension == "energy_mwh" }).installed
        #expect(energy > 1)
        let outcome = aggregated.plan.outcome, x = outcome.result.primalValues
        let periods = try #require(aggregated.plan.site.representativePeriods)
        let link = try #require(outcome.model.storageLinks.first), soc = outcome.model.batterySOC[0]
        for (day, k) in periods.sequence.enumerated() {
            for t in periods.periods[k] {
                let state = x[link.boundary[day].index] + x[soc[t].index]
                #expect(state >= 0.1 * energy - 1e-6 && state <= energy + 1e-6, "day \(day), step \(t): \(state) of \(energy) MWh")
            }
            // The next day starts where this one ended.
            #expect(abs(x[link.boundary[day + 1].index] - (x[link.boundary[day].index] + x[soc[periods.periods[k].upperBound - 1].index])) < 1e-6)
        }
        #expect(x[link.boundary[periods.sequence.count].index] >= 0.5 * energy - 1e-6)  // cyclic end
    }

    @Test("An annual carbon cap counted with weights: K = days binds it as the full horizon does, at the same shadow price")
    func weightedCarbonCap() throws {
        let capT = 15.0  // 27.2 t without it
        let full = try CapacityPlanner.plan(try AggregationSites.fourDays(carbonCapT: capT), options: AggregationSites.exact)
        let aggregated = try AggregatedPlanner.plan(try AggregationSites.fourDays(aggregation: "aggregation: {representative_days: 4}", carbonCapT: capT),
                                                    options: AggregationSites.exact)
        let fullSchedule = try #require(full.outcome.schedule)
        #expect(abs(fullSchedule.kpis.emissionsTonnes - capT) < 1e-6)  // the cap binds
        #expect(abs(try #require(aggregated.estimate?.emissionsTonnes) - capT) < 1e-6)
        let shadow = try #require(fullSchedule.kpis.carbonShadowPriceUSDPerTonne)
        let aggregatedShadow = try #require(aggregated.plan.outcome.schedule?.kpis.carbonShadowPriceUSDPerTonne)
        #expect(shadow > 1 && abs(aggregatedShadow - shadow) <= 1e-6 * shadow)
    }

    /// Days that repeat exactly (A, A, B, B) under an annual cap: without storage the horizon is
    /// the days apart but for the cap, so one representative of each, weighted 2, is exact.
    @Test("Weighted sums: a horizon of repeated days is planned exactly by one day of each, cap included")
    func repeatedDaysAreExact() throws {
        func site(_ aggregation: String) throws -> Site {
            let hours = (0..<24).map(Double.init)
            let a = hours.map { 30 + 40 * sin($0 / 24 * Double.pi) }, b = hours.map { 60 - 20 * cos($0 / 12 * Double.pi) }
            let cfA = hours.map { max(0, sin(($0 - 6) / 12 * Double.pi)) }, cfB = cfA.map { 0.5 * $0 }
            return try PlanSites.write("""
                name: repeated
                horizon: {start_utc: 2025-01-01T00:00Z, steps: 96, step_minutes: 60}
                \(aggregation)
                grid_feeds: [{name: grid, import_capacity_mw: 10, price_usd_per_mwh: {file: series.csv, column: price}, carbon_intensity_g_per_kwh: {file: series.csv, column: ci}}]
                renewables: [{name: pv, kind: solar, coupling: ac, capacity_factor: {file: series.csv, column: cf}, build: {max_mw: 30, capex_usd_per_kw: 900, lifetime_years: 25}}]
                it_fleet: {racks: 10, power_per_rack_kw: 500}
                workloads: {inference: {demand_mw: 3}}
                cooling: {cop: 5}
                carbon: {cap_t: 80}
                """, series: ["price": a + a + b + b, "cf": cfA + cfA + cfB + cfB, "ci": (0..<96).map { 300 + Double($0 % 24) * 5 }])
        }
        let full = try #require(try CapacityPlanner.plan(try site(""), options: AggregationSites.exact).outcome.result.objectiveValue)
        let aggregated = try AggregatedPlanner.plan(try site("aggregation: {representative_days: 2}"), options: AggregationSites.exact)
        #expect(aggregated.plan.site.representativePeriods?.weights == [2, 2])
        let estimate = try #require(aggregated.estimate?.totalCostUSD)
        #expect(abs(estimate - full) <= 1e-9 * abs(full), "aggregated \(estimate) vs full \(full)")
        #expect(abs(try #require(aggregated.estimate?.emissionsTonnes) - 80) < 1e-6)
    }

    /// Six days, three at 50 USD/MWh and three at 100, with 1 MW of
    /// inference and one hour of 2 MW on the fifth day. Two representative days take the first
    /// day of each price (the spike day is farther from its neighbours than they are from each
    /// other), so the plan connects for 1 MW and the full week cannot serve the spike; keeping
    /// the peak-load day apart fixes it.
    @Test("A build short of the full horizon: the verification is infeasible, explained, and without an error figure; the peak-load day fixes it")
    func buildFallsShort() throws {
        func site(_ extremes: String) throws -> Site {
            let price = (0..<144).map { $0 < 72 ? 50.0 : 100.0 }
            let demand = (0..<144).map { $0 == 4 * 24 + 12 ? 2.0 : 1.0 }
            return try PlanSites.write("""
                name: spike
                horizon: {start_utc: 2025-01-01T00:00Z, steps: 144, step_minutes: 60}
                aggregation: {representative_days: 2\(extremes)}
                grid_feeds:
                  - {name: grid, import_capacity_mw: 1, price_usd_per_mwh: {file: series.csv, column: price}, carbon_intensity_g_per_kwh: 300,
                     build: {max_added_mw: 5, capex_usd_per_kw: 100, lifetime_years: 20}}
                it_fleet: {racks: 10, power_per_rack_kw: 300}
                workloads: {inference: {demand_mw: {file: series.csv, column: demand}}}
                cooling: {cop: 5}
                """, series: ["price": price, "demand": demand])
        }
        let short = try AggregatedPlanner.plan(try site(""), options: AggregationSites.exact)
        #expect(short.days.representative == [0, 0, 0, 3, 3, 3])
        let verification = try #require(short.verification)
        #expect(verification.outcome.result.status == .infeasible)
        #expect(verification.outcome.infeasibility != nil)
        #expect(verification.costError == nil && verification.emissionsError == nil && verification.figures.totalCostUSD == nil)
        let kept = try AggregatedPlanner.plan(try site(", extreme_days: [peak_load]"), options: AggregationSites.exact)
        #expect(kept.days.roles[4] == .extreme)
        #expect(kept.verification?.outcome.result.status == .optimal)
    }

    @Test("The size bound that refuses oversized sites before building them also bounds a site of representative days")
    func sizeBound() throws {
        let site = try AggregationSites.fourDays(days: 10, aggregation: "aggregation: {representative_days: 4}")
        let represented = RepresentativeDays(site: site, settings: try #require(site.aggregation)).site(of: site)
        for elastic in [false, true] {
            let model = try SiteCompiler.compile(represented, options: CompileOptions(elastic: elastic))
            #expect(model.program.entryCount <= SiteCompiler.estimatedNonzeros(represented), "elastic \(elastic)")
        }
    }

    @Test("The verification: the build operated over every step, its cost error = (verified - estimate) / verified")
    func verificationIsConsistent() throws {
        let site = try AggregationSites.fourDays(days: 8, aggregation: "aggregation: {representative_days: 3}")
        let aggregated = try AggregatedPlanner.plan(site, options: AggregationSites.exact)
        let verification = try #require(aggregated.verification)
        let estimate = try #require(aggregated.estimate)
        #expect(verification.site.horizon.steps == site.horizon.steps && verification.site.representativePeriods == nil)
        #expect(verification.outcome.schedule?.steps.count == site.horizon.steps)
        let verified = try #require(verification.figures.totalCostUSD)
        #expect(abs(try #require(verification.costError) - (verified - estimate.totalCostUSD!) / abs(verified)) < 1e-12)
        #expect(abs(try #require(verification.emissionsError)
                    - (verification.figures.emissionsTonnes! - estimate.emissionsTonnes!) / verification.figures.emissionsTonnes!) < 1e-12)
        // Both count the same capital; the verified total is the full operation plus it.
        #expect(abs(verification.figures.capitalCostUSD - estimate.capitalCostUSD) < 1e-6)
        let schedule = try #require(verification.outcome.schedule)
        #expect(abs(schedule.kpis.objectiveUSD - verified) < 1e-9 * abs(verified))
        #expect(abs(schedule.kpis.annualisedCapexUSD + schedule.kpis.fixedOMUSD - estimate.capitalCostUSD) < 1e-6)
    }
}
