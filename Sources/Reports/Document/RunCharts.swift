/// The charts of a run report, from `dispatch.csv` and `jobs.csv`.
struct RunCharts {
    let dispatch: RunResults.Dispatch
    /// Step indices drawn at full resolution.
    let window: ClosedRange<Int>
    let windowLabel: String
    let jobs: [RunResults.Job]

    /// True when the window shows every step, so an overview would repeat it.
    var windowIsWholeRun: Bool { window.lowerBound == 0 && window.upperBound == dispatch.epochSeconds.count - 1 }

    private var windowX: [Double] { window.map { Double(dispatch.epochSeconds[$0]) } }
    private func windowValues(_ column: String) -> [Double] {
        let values = dispatch.column(column)
        return window.map { values[$0] }
    }
    private var windowAxis: Chart.XAxis {
        .time(startEpochSeconds: dispatch.epochSeconds[window.lowerBound],
              endEpochSeconds: dispatch.epochSeconds[window.upperBound] + dispatch.stepSeconds)
    }
    private var fullAxis: Chart.XAxis {
        .time(startEpochSeconds: dispatch.epochSeconds.first!, endEpochSeconds: dispatch.epochSeconds.last! + dispatch.stepSeconds)
    }

    /// The overview resolution: days for long runs, steps for short ones.
    private var overview: (x: [Double], reduce: ([Double]) -> [Double], peak: ([Double]) -> [Double], label: String) {
        let span = dispatch.epochSeconds.last! - dispatch.epochSeconds.first!
        guard span > RunReport.dailyThresholdSeconds else {
            return (dispatch.epochSeconds.map(Double.init), { $0 }, { $0 }, "every step")
        }
        let bins = TimeBins(epochSeconds: dispatch.epochSeconds)
        // Daily means plotted at midday so a day's value sits over its day.
        return (bins.startEpochSeconds.map { Double($0 + 43_200) }, bins.mean, bins.maximum, "daily means")
    }

    /// Sources that deliver anything (absent sources would only clutter the legend).
    private func activeSources(_ list: [(column: String, style: Chart.Style)]) -> [(column: String, style: Chart.Style)] {
        list.filter { dispatch.column($0.column).contains { $0 > 1e-6 } }
    }

    func dispatchWindow() -> Chart {
        Chart(id: "dispatch-window", title: "Dispatch by source", subtitle: "\(windowLabel), each step; charging and export below zero",
              x: windowAxis, left: .init("Power", unit: "MW"), layers: dispatchLayers(x: windowX, values: windowValues))
    }

    func dispatchOverview() -> Chart {
        let view = overview
        return Chart(id: "dispatch-overview", title: "Dispatch by source, whole run", subtitle: "\(view.label); charging and export below zero",
                     x: fullAxis, left: .init("Power", unit: "MW"),
                     layers: dispatchLayers(x: view.x, values: { view.reduce(dispatch.column($0)) }))
    }

    private func dispatchLayers(x: [Double], values: (String) -> [Double]) -> [Chart.Layer] {
        let siteLoad = zip(zip(values("it_mw"), values("cooling_mw")), values("losses_mw")).map { $0.0 + $0.1 + $1 }
        var layers: [Chart.Layer] = [
            .stack(x: x, series: activeSources(Palette.sources).map { ($0.style, values($0.column)) }, below: false),
        ]
        let sinks = activeSources(Palette.sinks)
        if !sinks.isEmpty { layers.append(.stack(x: x, series: sinks.map { ($0.style, values($0.column)) }, below: true)) }
        layers.append(.line(x: x, y: siteLoad, style: Palette.siteLoad, side: .left))
        layers.append(.line(x: x, y: values("it_mw"), style: Palette.itLoad, side: .left))
        return layers
    }

    func stateOfCharge() -> Chart {
        Chart(id: "battery-soc", title: "Battery state of charge", subtitle: windowLabel, x: windowAxis,
              left: .init("Energy stored", unit: "MWh"),
              layers: [.line(x: windowX, y: windowValues("battery_soc_mwh"), style: Palette.stateOfCharge, side: .left)], height: 280)
    }

    func workloadsWindow() -> Chart {
        workloads(id: "workloads-window", title: "Training and inference against grid carbon intensity", subtitle: windowLabel,
                  axis: windowAxis, x: windowX, values: windowValues)
    }

    func workloadsOverview() -> Chart {
        let view = overview
        return workloads(id: "workloads-overview", title: "Training and inference against grid carbon intensity, whole run",
                         subtitle: view.label, axis: fullAxis, x: view.x, values: { view.reduce(dispatch.column($0)) })
    }

    private func workloads(id: String, title: String, subtitle: String, axis: Chart.XAxis, x: [Double],
                           values: (String) -> [Double]) -> Chart {
        Chart(id: id, title: title, subtitle: subtitle, x: axis, left: .init("IT power", unit: "MW"),
              right: .init("Grid carbon intensity", unit: "gCO₂e/kWh"),
              layers: [
                  .stack(x: x, series: [(Palette.inference, values("inference_mw")), (Palette.training, values("training_mw"))], below: false),
                  .line(x: x, y: values("grid_carbon_g_per_kwh"), style: Palette.gridCarbon, side: .right),
              ])
    }

    /// COP and PUE against ambient temperature (one point per step); over time when the run has no weather.
    func coolingEfficiency() -> Chart {
        if dispatch.hasValues("dry_bulb_c") {
            let temperature = dispatch.column("dry_bulb_c")
            return Chart(id: "cooling-efficiency", title: "Cooling COP and PUE against ambient temperature",
                         subtitle: "one point per step, whole run", x: .linear(title: "Dry-bulb temperature", unit: "°C"),
                         left: .init("COP", unit: "heat / electricity", includeZero: true), right: .init("PUE", unit: "–", includeZero: false),
                         layers: [
                             .points(x: temperature, y: dispatch.column("cop"), style: Palette.cop, side: .left, radius: 2, labels: nil),
                             .points(x: temperature, y: dispatch.column("pue"), style: Palette.pue, side: .right, radius: 2, labels: nil),
                         ])
        }
        let view = overview
        return Chart(id: "cooling-efficiency", title: "Cooling COP and PUE over time",
                     subtitle: "\(view.label); no ambient temperature in dispatch.csv (constant COP or an older run)", x: fullAxis,
                     left: .init("COP", unit: "heat / electricity"), right: .init("PUE", unit: "–", includeZero: false),
                     layers: [
                         .line(x: view.x, y: view.reduce(dispatch.column("cop")), style: Palette.cop, side: .left),
                         .line(x: view.x, y: view.reduce(dispatch.column("pue")), style: Palette.pue, side: .right),
                     ])
    }

    func marginalPrice() -> Chart {
        Chart(id: "marginal-price", title: "Marginal price of power at the site",
              subtitle: "\(windowLabel); dual of the power balance, USD per MWh delivered", x: windowAxis,
              left: .init("Marginal price", unit: "USD/MWh", includeZero: true),
              layers: [.line(x: windowX, y: windowValues("marginal_price_usd_per_mwh"), style: Palette.price, side: .left)], height: 280)
    }

    func dieTemperature() -> Chart {
        let view = overview
        return Chart(id: "die-temperature", title: "Hottest GPU die", subtitle: view.label == "every step" ? "every step" : "daily maxima",
                     x: fullAxis, left: .init("Max die temperature", unit: "°C", includeZero: false),
                     layers: [.line(x: view.x, y: view.peak(dispatch.column("max_die_c")), style: Palette.dieTemperature, side: .left)],
                     height: 280)
    }

    func trainingJobs() -> Chart {
        let spans = jobs.map { job -> Chart.Span in
            var inner: (Int64, Int64)?
            if let first = job.firstPowerEpochSeconds, let last = job.lastPowerEpochSeconds { inner = (first, last + dispatch.stepSeconds) }
            let share = job.requiredMWh > 0 ? 100 * job.deliveredMWh / job.requiredMWh : 100
            return Chart.Span(row: job.name, startEpochSeconds: job.releaseEpochSeconds, endEpochSeconds: job.deadlineEpochSeconds,
                              inner: inner, note: "\(ReportFormat.number(job.deliveredMWh)) of \(ReportFormat.number(job.requiredMWh)) MWh (\(ReportFormat.number(share, decimals: 0)) %)")
        }
        let start = min(dispatch.epochSeconds.first!, jobs.map(\.releaseEpochSeconds).min()!)
        let end = max(dispatch.epochSeconds.last! + dispatch.stepSeconds, jobs.map(\.deadlineEpochSeconds).max()!)
        return Chart(id: "training-jobs", title: "Training jobs: release to deadline, and when they ran",
                     subtitle: "pale bar: allowed window; dark bar: first to last step with power; delivered energy on the right",
                     x: .time(startEpochSeconds: start, endEpochSeconds: end), left: .init("Job", unit: ""),
                     layers: [.spans(spans, outer: Chart.Style("Release to deadline", colour: "#56b4e9", opacity: 0.3),
                                     inner: Chart.Style("Running (first to last step with power)", colour: "#0072b2"))],
                     height: 150 + 40 * Double(max(jobs.count, 1)))
    }
}
