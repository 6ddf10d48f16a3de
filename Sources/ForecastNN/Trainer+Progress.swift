extension Trainer {
    /// What the progress callback hears: after every mini-batch and after every epoch.
    /// Epochs and batches are numbered from 1.
    public enum Event: Sendable, Equatable {
        case batchFinished(epoch: Int, batch: Int, batchCount: Int, loss: Float)
        case epochFinished(epoch: Int, trainingLoss: Float, validationLoss: Float?)
    }

    /// The callback's answer: go on, or stop after this batch or epoch (an early-stopping hook).
    public enum Decision: Sendable, Equatable {
        case proceed
        case stop
    }

    /// The losses of one finished epoch.
    public struct EpochSummary: Sendable, Equatable {
        public let epoch: Int
        /// Mean loss over the epoch's windows, each batch weighted by its size.
        public let trainingLoss: Float
        /// Mean loss over the validation windows with the weights at the end of the epoch.
        public let validationLoss: Float?
    }

    /// How training went.
    public struct Report: Sendable, Equatable {
        public let epochs: [EpochSummary]
        /// True when early stopping or the callback ended training before the last epoch.
        public let stoppedEarly: Bool
        /// The epoch whose weights the network holds when early stopping restored the best ones.
        public let restoredEpoch: Int?
    }
}
