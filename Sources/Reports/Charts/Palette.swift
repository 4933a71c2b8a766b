/// One colour per source and quantity, the same in every chart of every report, so a reader
/// learns them once. Chosen to stay distinct in print and for common colour-vision deficiencies
/// (Okabe-Ito based); lines that share a chart also differ by dash pattern.
public enum Palette {
    public static let smr = Chart.Style("SMR", colour: "#7b3294")
    public static let gridImport = Chart.Style("Grid import", colour: "#8c8c8c")
    public static let solar = Chart.Style("Solar", colour: "#e6ab02")
    public static let wind = Chart.Style("Wind", colour: "#0072b2")
    public static let batteryDischarge = Chart.Style("Battery discharge", colour: "#009e73")
    public static let backup = Chart.Style("Backup", colour: "#8c510a")
    public static let batteryCharge = Chart.Style("Battery charge", colour: "#7fd3b6")
    public static let gridExport = Chart.Style("Grid export", colour: "#c8c8c8")

    public static let itLoad = Chart.Style("IT load", colour: "#000000")
    public static let siteLoad = Chart.Style("IT + cooling + losses", colour: "#000000", dashed: true)
    public static let inference = Chart.Style("Inference", colour: "#d55e00")
    public static let training = Chart.Style("Training", colour: "#56b4e9")
    public static let gridCarbon = Chart.Style("Grid carbon intensity", colour: "#3b3b3b", dashed: true)
    public static let stateOfCharge = Chart.Style("State of charge", colour: "#009e73")
    public static let cop = Chart.Style("COP", colour: "#0072b2")
    public static let pue = Chart.Style("PUE", colour: "#d55e00")
    public static let price = Chart.Style("Marginal price", colour: "#a6611a")
    public static let dieTemperature = Chart.Style("Max die temperature", colour: "#cc3311")

    /// Sources in stacking order (baseload first, so variable sources ride on top).
    public static let sources: [(column: String, style: Chart.Style)] = [
        ("smr_mw", smr), ("grid_import_mw", gridImport), ("solar_mw", solar), ("wind_mw", wind),
        ("battery_discharge_mw", batteryDischarge), ("backup_mw", backup),
    ]
    /// Sinks other than the site load, drawn below zero.
    public static let sinks: [(column: String, style: Chart.Style)] = [
        ("battery_charge_mw", batteryCharge), ("grid_export_mw", gridExport),
    ]

    /// Distinct colours for groups of a batch chart (e.g. one line per carbon cap).
    public static let groups = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7b3294", "#3b3b3b"]

    /// Existing and added capacity in a plan's build chart.
    public static let existingCapacity = Chart.Style("Existing", colour: "#a6a6a6")
    public static let addedCapacity = Chart.Style("Added by the plan", colour: "#0072b2")

    /// A planned asset's colour: its source's (`build_plan.csv` names a renewable, not its kind, so
    /// one named like wind is drawn as wind).
    public static func asset(_ asset: String, name: String) -> String {
        switch asset {
        case "smr": smr.colour
        case "grid_feed": gridImport.colour
        case "renewable": name.lowercased().contains("wind") ? wind.colour : solar.colour
        case "battery": batteryDischarge.colour
        case "backup": backup.colour
        default: "#7f7f7f"
        }
    }

    /// One colour per key: each asset's own (``asset(_:name:)``), the group colours for a repeat.
    static func assets(_ keys: [(asset: String, name: String)]) -> [String] {
        var colours: [String] = []
        for key in keys {
            var colour = asset(key.asset, name: key.name)
            if colours.contains(colour) { colour = groups.first { !colours.contains($0) } ?? "#7f7f7f" }
            colours.append(colour)
        }
        return colours
    }
}
