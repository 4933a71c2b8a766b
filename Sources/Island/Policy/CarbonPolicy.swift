import Foundation

/// Carbon price, caps and 24/7 carbon-free-energy target, and the inputs of market-based
/// accounting (contractual instruments, residual mix), marginal factors and life-cycle factors.
public struct CarbonPolicy: Sendable, Equatable {
    /// What a carbon cap counts (`carbon.cap_basis`).
    public enum Basis: String, Sendable, Equatable {
        /// Grid imports at the grid's hourly intensity (GHG Protocol Scope 2, location-based).
        case location
        /// Grid imports not covered by contractual instruments at the residual-mix factor.
        case market
    }

    /// Which grid factor prices and caps imports in the LP (`carbon.decision_factor`).
    public enum DecisionFactor: String, Sendable, Equatable {
        /// `carbon_intensity_g_per_kwh`, the average intensity of the grid mix (the default).
        case average
        /// `marginal_carbon_intensity_g_per_kwh`, the intensity of the unit that responds.
        case marginal
    }

    /// A power purchase agreement (or any contract for delivered clean energy with its
    /// attributes): a contracted volume per step, matched hourly or over the horizon.
    public struct PowerPurchaseAgreement: Sendable, Equatable {
        public enum Matching: String, Sendable, Equatable {
            /// Each step's volume covers only that step's imports.
            case hourly
            /// The horizon's volume covers imports pro rata across the horizon.
            case annual
        }
        public var name: String
        /// Contracted volume per step, MW (a profile: pay-as-produced from an off-site plant).
        public var volumeMW: [Double]
        public var matching: Matching
        public var priceUSDPerMWh: Double
        /// Emission factor of the contracted supply, gCO2/kWh (0 for wind, solar, nuclear).
        public var emissionFactorGramsPerKWh: Double

        public init(name: String, volumeMW: [Double], matching: Matching, priceUSDPerMWh: Double, emissionFactorGramsPerKWh: Double = 0) {
            self.name = name
            self.volumeMW = volumeMW
            self.matching = matching
            self.priceUSDPerMWh = priceUSDPerMWh
            self.emissionFactorGramsPerKWh = emissionFactorGramsPerKWh
        }
    }

    /// Unbundled energy attribute certificates (guarantees of origin, RECs) for the horizon.
    public struct Certificates: Sendable, Equatable {
        public var volumeMWh: Double
        public var priceUSDPerMWh: Double
        public init(volumeMWh: Double, priceUSDPerMWh: Double) {
            self.volumeMWh = volumeMWh
            self.priceUSDPerMWh = priceUSDPerMWh
        }
    }

    /// Life-cycle emission factors of on-site supply, gCO2e/kWh generated (battery: per kWh discharged).
    public struct LifeCycleFactors: Sendable, Equatable {
        public var smrGramsPerKWh: Double
        public var solarGramsPerKWh: Double
        public var windGramsPerKWh: Double
        public var batteryGramsPerKWh: Double
        /// IPCC AR5 WGIII Annex III (Schlömer et al. 2014), Table A.III.2 medians: nuclear 12,
        /// utility PV 48, onshore wind 11 gCO2e/kWh; batteries 0 here (their manufacturing is
        /// embodied carbon, `embodied_carbon.battery`). docs/sources.md, "Carbon accounting".
        public init(smrGramsPerKWh: Double = 12, solarGramsPerKWh: Double = 48, windGramsPerKWh: Double = 11, batteryGramsPerKWh: Double = 0) {
            self.smrGramsPerKWh = smrGramsPerKWh
            self.solarGramsPerKWh = solarGramsPerKWh
            self.windGramsPerKWh = windGramsPerKWh
            self.batteryGramsPerKWh = batteryGramsPerKWh
        }
    }

    /// USD per tonne CO2 (0 by default).
    public var priceUSDPerTonne: Double
    /// Cap on total emissions over the horizon, t.
    public var capTonnes: Double?
    /// Cap on average carbon intensity per MWh of IT energy, gCO2/kWh of IT.
    public var intensityCapGramsPerKWhIT: Double?
    /// Hourly-matched CFE target, 0...1 (Google's 24/7 method, docs/sources.md "Carbon accounting").
    public var cfeTargetShare: Double?
    /// What `cap_t` and `intensity_cap_g_per_kwh_it` count (location by default).
    public var capBasis: Basis = .location
    /// Which grid factor the LP prices and caps (average by default).
    public var decisionFactor: DecisionFactor = .average
    /// Residual-mix factor per step, gCO2/kWh (market-based accounting); nil: the grid's average
    /// intensity stands in (GHG Protocol Scope 2 Guidance's fallback).
    public var residualMixGramsPerKWh: [Double]?
    public var ppas: [PowerPurchaseAgreement] = []
    public var certificates: Certificates?
    public var lifeCycle = LifeCycleFactors()
    /// Whether embodied carbon (`embodied_carbon`, amortised) counts in the decisions: priced at
    /// `price_usd_per_t` in the objective and counted in `cap_t` and the intensity cap. A plan
    /// then weighs a technology's manufacturing carbon against its operational savings.
    public var embodiedInDecisions = false

    public init(priceUSDPerTonne: Double = 0, capTonnes: Double? = nil, intensityCapGramsPerKWhIT: Double? = nil,
                cfeTargetShare: Double? = nil) {
        self.priceUSDPerTonne = priceUSDPerTonne
        self.capTonnes = capTonnes
        self.intensityCapGramsPerKWhIT = intensityCapGramsPerKWhIT
        self.cfeTargetShare = cfeTargetShare
    }

    /// Contracted volume covering imports over the horizon (annual PPAs + certificates), MWh.
    public func annualInstrumentMWh(stepHours: Double) -> Double {
        ppas.filter { $0.matching == .annual }.map { $0.volumeMW.reduce(0, +) * stepHours }.reduce(0, +) + (certificates?.volumeMWh ?? 0)
    }
}
