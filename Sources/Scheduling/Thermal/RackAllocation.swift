import Foundation

/// How one step's IT power lands on racks.
///
/// Racks are numbered once; training takes the first racks, inference the next, the rest idle.
/// Each class packs its power onto as few racks as the per-rack cap allows, shared evenly, as a
/// scheduler filling racks would; idle racks share the step's idle draw.
public struct RackAllocation: Sendable, Equatable {
    public enum RackClass: Int, Sendable, CaseIterable {
        case training, inference, idle
    }

    public var trainingRacks: Int
    public var inferenceRacks: Int
    public var idleRacks: Int
    /// Mean power of one rack of each class, W (for training: the mean over its power swing).
    public var trainingRackW: Double
    public var inferenceRackW: Double
    public var idleRackW: Double

    /// - Parameters:
    ///   - trainingCapW, inferenceCapW: the most mean power one rack of each workload may draw in
    ///     this step (rated power or the thermal limit; lower for training racks that swing).
    public init(trainingMW: Double, inferenceMW: Double, idleMW: Double, trainingCapW: Double, inferenceCapW: Double, racks: Int) {
        func racksNeeded(_ powerW: Double, _ capW: Double) -> Int {
            guard powerW > 1e-6 else { return 0 }
            guard capW > 0 else { return racks }
            // A relative tolerance absorbs the solver's: 1e-7 of a rack is not another rack.
            return max(1, Int((powerW / capW - 1e-7).rounded(.up)))
        }
        let trainingW = max(0, trainingMW) * 1e6, inferenceW = max(0, inferenceMW) * 1e6
        var training = racksNeeded(trainingW, trainingCapW), inference = racksNeeded(inferenceW, inferenceCapW)
        if training + inference > racks {
            // Only within solver tolerance of full capacity: share the racks by power.
            training = trainingW > 0 ? max(1, min(racks - (inferenceW > 0 ? 1 : 0), Int((Double(racks) * trainingW / (trainingW + inferenceW)).rounded()))) : 0
            inference = racks - training
        }
        trainingRacks = training
        inferenceRacks = inference
        idleRacks = racks - training - inference
        trainingRackW = training > 0 ? trainingW / Double(training) : 0
        inferenceRackW = inference > 0 ? inferenceW / Double(inference) : 0
        idleRackW = idleRacks > 0 ? max(0, idleMW) * 1e6 / Double(idleRacks) : 0
    }

    /// The class of rack `index` (0-based).
    public func rackClass(_ index: Int) -> RackClass {
        index < trainingRacks ? .training : index < trainingRacks + inferenceRacks ? .inference : .idle
    }

    /// The racks of each class as a half-open range of rack indices.
    public func range(_ rackClass: RackClass) -> Range<Int> {
        switch rackClass {
        case .training: 0..<trainingRacks
        case .inference: trainingRacks..<(trainingRacks + inferenceRacks)
        case .idle: (trainingRacks + inferenceRacks)..<(trainingRacks + inferenceRacks + idleRacks)
        }
    }

    /// Mean power of one rack of `rackClass`, W.
    public func meanPowerW(_ rackClass: RackClass) -> Double {
        switch rackClass {
        case .training: trainingRackW
        case .inference: inferenceRackW
        case .idle: idleRackW
        }
    }
}
