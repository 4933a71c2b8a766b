import Foundation

/// The weather a renewable's model reads, per step: the site's `weather`, or the renewable's own.
struct RenewableResource {
    var ghiWPerM2: [Double]?
    var dniWPerM2: [Double]?
    var dhiWPerM2: [Double]?
    var airC: [Double]?
    var windMPerS: [Double]?
    var pressurePa: [Double]?
    var location: GeoLocation?

    init(_ weather: Weather) {
        ghiWPerM2 = weather.globalHorizontalWPerM2
        dniWPerM2 = weather.directNormalWPerM2
        dhiWPerM2 = weather.diffuseHorizontalWPerM2
        airC = weather.dryBulbC
        windMPerS = weather.windSpeedMPerS
        pressurePa = weather.pressurePa
        location = weather.location
    }

    init() {}
}

extension SiteLoader {
    static let renewableKeys = ["name", "kind", "capacity_mw", "capacity_factor", "coupling", "model", "weather",
                                "commissioning_utc", "retirement_utc", "build"]
    static let pvModelKeys = ["kind", "tilt_deg", "azimuth_deg", "tracking", "axis_azimuth_deg", "max_rotation_deg",
                              "ground_coverage_ratio", "backtracking", "dc_ac_ratio", "inverter_efficiency",
                              "losses_fraction", "temperature_coefficient_per_c", "albedo", "mounting"]
    static let windModelKeys = ["kind", "hub_height_m", "measurement_height_m", "shear_exponent", "roughness_length_m",
                                "turbine", "power_curve", "losses_fraction", "density_correction"]
    static let resourceKeys = ["epw", "open_meteo", "utc_offset_hours", "fill", "ghi_w_per_m2", "dni_w_per_m2",
                               "dhi_w_per_m2", "dry_bulb_c", "wind_speed_m_per_s", "pressure_pa", "latitude_deg",
                               "longitude_deg", "elevation_m"]

    static func readRenewable(_ node: YAMLNode, path: String, index: Int, architecture: PowerDistribution.Architecture,
                              weather: Weather?, context: LoadContext) -> Renewable? {
        guard let reader = MappingReader(node, path: path, context: context, allowedKeys: renewableKeys) else { return nil }
        let kind = reader.choice("kind", ["solar": Renewable.Kind.solar, "wind": .wind], required: true)
        let name = reader.string("name") ?? "\(kind?.rawValue ?? "renewable")-\(index + 1)"
        // With a `build` section, `capacity_mw` is the existing plant (0 when absent).
        let capacity = reader.has("build") ? reader.number("capacity_mw", unit: "MW", range: capacityRange, default: 0)
            : reader.number("capacity_mw", unit: "MW", range: capacityRange, required: true)
        let coupling = readCoupling(reader, architecture: architecture)
        let dates = readServiceDates(reader)
        var factor: [Double]?
        switch (reader.has("capacity_factor"), reader.has("model")) {
        case (true, true):
            reader.report("model", "give either capacity_factor (a series) or model (output from weather), not both")
            return nil
        case (false, false):
            reader.reportMissing("capacity_factor", "a series, or model: pvwatts / power_curve with weather")
            return nil
        case (true, false):
            if reader.has("weather") { reader.report("weather", "only applies with model") }
            factor = reader.series("capacity_factor", unit: "", range: .fraction, required: true)
        case (false, true):
            guard let kind else { return nil }
            factor = modelledCapacityFactor(reader, kind: kind, siteWeather: weather)
        }
        guard let kind, let capacity, var factor, let coupling, let dates,
              let build = readPowerBuild(reader, existingMW: capacity) else { return nil }
        if let horizon = context.horizon {
            for step in 0..<horizon.steps where !dates.inService(horizon: horizon, step: step) { factor[step] = 0 }
        }
        var renewable = Renewable(name: name, kind: kind, capacityMW: capacity, capacityFactor: factor, coupling: coupling)
        renewable.build = build
        return renewable
    }

    // MARK: Models

    /// The capacity factor per step from a `model` and the weather.
    private static func modelledCapacityFactor(_ reader: MappingReader, kind: Renewable.Kind, siteWeather: Weather?) -> [Double]? {
        let context = reader.context
        // `model: pvwatts` (defaults) or `model: {kind: pvwatts, ...}`.
        let modelNode = reader.child("model")!
        let modelKind: String?
        var modelReader: MappingReader?
        if let word = modelNode.scalarText {
            modelKind = word
        } else {
            modelReader = MappingReader(modelNode, path: reader.keyPath("model"), context: context,
                                        allowedKeys: kind == .solar ? pvModelKeys : windModelKeys)
            guard let modelReader else { return nil }
            modelKind = modelReader.string("kind", required: true)
        }
        let expected = kind == .solar ? "pvwatts" : "power_curve"
        guard let modelKind else { return nil }
        guard modelKind == expected else {
            context.report(reader.keyPath("model"), node: modelNode,
                           "a \(kind.rawValue) plant's model is \"\(expected)\", got \(Echo.quoted(modelKind))")
            return nil
        }
        guard let resource = readResource(reader, siteWeather: siteWeather), let horizon = context.horizon else { return nil }
        switch kind {
        case .solar:
            guard let model = readPVModel(modelReader) else { return nil }
            guard let location = resource.location else {
                reader.report("weather", "the PV model needs the site's position: give latitude_deg and longitude_deg (an EPW or Open-Meteo file gives them)")
                return nil
            }
            guard resource.ghiWPerM2 != nil || (resource.dniWPerM2 != nil && resource.dhiWPerM2 != nil) else {
                reader.report("weather", "the PV model needs irradiance: ghi_w_per_m2 (split by the Erbs model), or dni_w_per_m2 and dhi_w_per_m2, or an EPW file; this weather has none")
                return nil
            }
            guard let air = resource.airC else {
                reader.report("weather", "the PV model needs dry_bulb_c for the module temperature")
                return nil
            }
            let wind = resource.windMPerS ?? [Double](repeating: 1, count: horizon.steps)
            return (0..<horizon.steps).map { step in
                let sun = SolarPosition.forInterval(startEpochSeconds: Double(horizon.epochSeconds(step)),
                                                    durationSeconds: Double(horizon.stepSeconds),
                                                    latitudeDegrees: location.latitudeDegrees,
                                                    longitudeDegrees: location.longitudeDegrees)
                let result = model.step(sun: sun, ghiWPerM2: resource.ghiWPerM2?[step], dniWPerM2: resource.dniWPerM2?[step],
                                        dhiWPerM2: resource.dhiWPerM2?[step], airC: air[step], windMPerS: wind[step])
                return min(1, max(0, result.acFraction))
            }
        case .wind:
            guard let model = readWindModel(modelReader) else { return nil }
            guard let wind = resource.windMPerS else {
                reader.report("weather", "the wind model needs wind_speed_m_per_s (or an EPW or Open-Meteo file with wind speed)")
                return nil
            }
            let standardPressure = Psychrometrics.pressurePa(elevationM: resource.location?.elevationM ?? 0)
            return (0..<horizon.steps).map { step in
                model.fraction(measuredMPerS: wind[step], airC: resource.airC?[step] ?? 15,
                               pressurePa: resource.pressurePa?[step] ?? standardPressure)
            }
        }
    }

    private static func readPVModel(_ reader: MappingReader?) -> PVModel? {
        var model = PVModel()
        guard let reader else { return model }
        var valid = true
        func set(_ key: String, _ path: WritableKeyPath<PVModel, Double>, _ range: ValueRange, unit: String = "") {
            guard reader.has(key) else { return }
            if let value = reader.number(key, unit: unit, range: range) { model[keyPath: path] = value } else { valid = false }
        }
        set("tilt_deg", \.tiltDegrees, .between(0, 90), unit: "degrees")
        set("azimuth_deg", \.azimuthDegrees, .between(0, 360), unit: "degrees")
        set("axis_azimuth_deg", \.axisAzimuthDegrees, .between(0, 360), unit: "degrees")
        set("max_rotation_deg", \.maxRotationDegrees, .between(0, 90), unit: "degrees")
        set("ground_coverage_ratio", \.groundCoverageRatio, .above(0, atMost: 1))
        set("dc_ac_ratio", \.dcACRatio, .between(0.5, 3))
        set("inverter_efficiency", \.inverterEfficiency, .between(0.8, 0.995))
        set("losses_fraction", \.lossesFraction, .between(0, 0.99))
        set("temperature_coefficient_per_c", \.temperatureCoefficientPerK, .between(-0.02, 0), unit: "1/C")
        set("albedo", \.albedo, .fraction)
        if reader.has("tracking") {
            if let tracking = reader.choice("tracking", ["fixed": PVModel.Tracking.fixed, "single_axis": .singleAxis]) {
                model.tracking = tracking
            } else { valid = false }
        }
        if model.tracking == .singleAxis, reader.has("tilt_deg") || reader.has("azimuth_deg") {
            reader.report(reader.has("tilt_deg") ? "tilt_deg" : "azimuth_deg",
                          "does not apply with tracking: single_axis (the tracker sets the tilt; give axis_azimuth_deg)")
            valid = false
        }
        if model.tracking == .fixed {
            for key in ["axis_azimuth_deg", "max_rotation_deg", "ground_coverage_ratio", "backtracking"] where reader.has(key) {
                reader.report(key, "only applies with tracking: single_axis")
                valid = false
            }
        }
        if let backtracking = reader.bool("backtracking", default: true) { model.backtracking = backtracking } else { valid = false }
        if reader.has("mounting") {
            if let mounting = reader.choice("mounting", ["open_rack": PVModel.TemperatureModel.openRack,
                                                         "close_roof": .closeRoofMount,
                                                         "insulated_back": .insulatedBack,
                                                         "faiman": .faimanFreeStanding]) {
                model.temperatureModel = mounting
            } else { valid = false }
        }
        return valid ? model : nil
    }

    private static func readWindModel(_ reader: MappingReader?) -> WindModel? {
        var model = WindModel()
        guard let reader else { return model }
        var valid = true
        if let hub = reader.number("hub_height_m", unit: "m", range: .above(0, atMost: 500), default: 100) { model.hubHeightM = hub } else { valid = false }
        if let height = reader.number("measurement_height_m", unit: "m", range: .above(0, atMost: 500), default: 10) {
            model.measurementHeightM = height
        } else { valid = false }
        if reader.has("shear_exponent") && reader.has("roughness_length_m") {
            reader.report("roughness_length_m", "give either shear_exponent (power law) or roughness_length_m (log law), not both")
            valid = false
        } else if reader.has("roughness_length_m") {
            if let roughness = reader.number("roughness_length_m", unit: "m", range: .above(0, atMost: 5)) {
                model.shear = .logLaw(roughnessLengthM: roughness)
                if roughness >= model.measurementHeightM {
                    reader.report("roughness_length_m", "must be below measurement_height_m (\(formatNumber(model.measurementHeightM)) m)")
                    valid = false
                }
            } else { valid = false }
        } else if reader.has("shear_exponent") {
            if let exponent = reader.number("shear_exponent", range: .between(0, 1)) { model.shear = .powerLaw(exponent: exponent) } else { valid = false }
        }
        if let losses = reader.number("losses_fraction", range: .between(0, 0.99), default: 0) { model.lossesFraction = losses } else { valid = false }
        if let density = reader.bool("density_correction", default: true) { model.densityCorrection = density } else { valid = false }
        if reader.has("turbine") && reader.has("power_curve") {
            reader.report("power_curve", "give either turbine (a built-in curve) or power_curve (a table), not both")
            valid = false
        } else if reader.has("turbine") {
            if let curve = reader.choice("turbine", ["enercon_e82_2350": WindModel.PowerCurve.enerconE82_2350]) {
                model.powerCurve = curve
            } else { valid = false }
        } else if let table = reader.mapping("power_curve", allowedKeys: ["speeds_m_per_s", "power_kw", "rated_kw"]) {
            let speeds = numberList(table, "speeds_m_per_s")
            let power = numberList(table, "power_kw")
            let rated = table.number("rated_kw", unit: "kW", range: .positive, required: true)
            guard let speeds, let power, let rated else { return nil }
            guard speeds.count == power.count, speeds.count >= 2 else {
                table.report("power_kw", "needs one value per speed (\(speeds.count) speeds, \(power.count) values), at least two")
                return nil
            }
            guard zip(speeds, speeds.dropFirst()).allSatisfy({ $0 < $1 }), speeds[0] >= 0 else {
                table.report("speeds_m_per_s", "must be non-negative and increasing")
                return nil
            }
            guard power.allSatisfy({ $0 >= 0 && $0 <= rated * 1.1 }) else {
                table.report("power_kw", "values must lie in [0, 1.1 x rated_kw]")
                return nil
            }
            model.powerCurve = WindModel.PowerCurve(speedsMPerS: speeds, powerFraction: power.map { min(1, $0 / rated) })
        } else if reader.has("power_curve") {
            valid = false
        }
        if model.hubHeightM <= 0 { valid = false }
        return valid ? model : nil
    }

    private static func numberList(_ reader: MappingReader, _ key: String) -> [Double]? {
        guard let node = reader.child(key) else {
            reader.reportMissing(key, "a list of numbers")
            return nil
        }
        guard let items = node.items else {
            reader.report(key, "expected a list of numbers, got \(node.kindDescription)")
            return nil
        }
        var values: [Double] = []
        for (index, item) in items.enumerated() {
            guard let value = MappingReader.parseNumber(item), value.isFinite else {
                reader.context.report("\(reader.keyPath(key))[\(index)]", node: item, "expected a finite number, got \(item.kindDescription)")
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// The renewable's `weather` (EPW, Open-Meteo or series), else the site's.
    private static func readResource(_ root: MappingReader, siteWeather: Weather?) -> RenewableResource? {
        guard root.has("weather") else {
            guard let siteWeather else {
                root.report("model", "needs weather: give the plant a weather mapping, or the site a weather section (EPW or Open-Meteo)")
                return nil
            }
            return RenewableResource(siteWeather)
        }
        guard let reader = root.mapping("weather", allowedKeys: resourceKeys) else { return nil }
        let forms = ["epw", "open_meteo"].filter { reader.has($0) }
        if forms.count > 1 {
            reader.report(forms[1], "give only one of epw, open_meteo")
            return nil
        }
        let fill = reader.choice("fill", ["error": GapFill.error, "previous": .previous, "interpolate": .interpolate]) ?? .error
        if reader.has("fill") && reader.string("fill").flatMap(GapFill.init(rawValue:)) == nil { return nil }
        let latitude = reader.number("latitude_deg", unit: "degrees", range: .between(-90, 90))
        let longitude = reader.number("longitude_deg", unit: "degrees", range: .between(-180, 180))
        let elevation = reader.number("elevation_m", unit: "m", range: .between(-500, 9000))
        var resource = RenewableResource()
        if let form = forms.first {
            let seriesKeys = ["ghi_w_per_m2", "dni_w_per_m2", "dhi_w_per_m2", "dry_bulb_c", "wind_speed_m_per_s", "pressure_pa"]
            for key in seriesKeys where reader.has(key) { reader.report(key, "not used with \(form) (the file gives it)") }
            guard let path = reader.string(form) else { return nil }
            let weather: Weather?
            if form == "epw" {
                let offset = reader.number("utc_offset_hours", unit: "h", range: .between(-14, 14))
                weather = EPWReader(context: reader.context, keyPath: reader.keyPath("epw"), line: reader.line("epw"))
                    .read(path: path, utcOffsetHoursOverride: offset, fill: fill)
            } else {
                weather = OpenMeteoReader(context: reader.context, keyPath: reader.keyPath("open_meteo"), line: reader.line("open_meteo"))
                    .read(path: path, elevationOverrideM: elevation, fill: fill)
            }
            guard let weather else { return nil }
            resource = RenewableResource(weather)
        } else {
            if reader.has("fill") { reader.report("fill", "applies to epw and open_meteo files; give fill on each series") }
            resource.ghiWPerM2 = reader.series("ghi_w_per_m2", unit: "W/m2", range: .between(-10, 2000))
            resource.dniWPerM2 = reader.series("dni_w_per_m2", unit: "W/m2", range: .between(-10, 2000))
            resource.dhiWPerM2 = reader.series("dhi_w_per_m2", unit: "W/m2", range: .between(-10, 2000))
            resource.airC = reader.series("dry_bulb_c", unit: "C", range: .between(-90, 65))
            resource.windMPerS = reader.series("wind_speed_m_per_s", unit: "m/s", range: .between(0, 80))
            resource.pressurePa = reader.series("pressure_pa", unit: "Pa", range: .between(30_000, 110_000))
            if !reader.context.issues.isEmpty { return nil }
        }
        if let latitude, let longitude {
            resource.location = GeoLocation(latitudeDegrees: latitude, longitudeDegrees: longitude,
                                            elevationM: elevation ?? resource.location?.elevationM ?? 0)
        } else if reader.has("latitude_deg") != reader.has("longitude_deg") {
            reader.report(reader.has("latitude_deg") ? "longitude_deg" : "latitude_deg", "give latitude_deg and longitude_deg together")
            return nil
        } else if let elevation, var location = resource.location {
            location.elevationM = elevation
            resource.location = location
        } else if let elevation, resource.location == nil, resource.pressurePa == nil {
            resource.pressurePa = reader.context.horizon.map { [Double](repeating: Psychrometrics.pressurePa(elevationM: elevation), count: $0.steps) }
        }
        return resource
    }
}
