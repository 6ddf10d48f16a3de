extension Trainer {
    /// How to train: epochs, mini-batches, threads, clipping, loss and early stopping.
    public struct Configuration: Sendable {
        /// Passes over the training examples.
        public var epochs: Int
        /// Windows per mini-batch (the last batch of an epoch may be smaller).
        public var batchSize: Int
        /// Visit the examples in a new seeded random order every epoch.
        public var shuffle: Bool
        /// Seeds the shuffling and the dropout masks.
        public var seed: UInt64
        /// Worker threads that share each mini-batch.
        public var threads: Int
        /// The fixed number of parts each mini-batch is split into. Gradients are computed per
        /// part and summed in part order, so results depend on `chunks` but never on `threads`:
        /// the same seed gives the same weights bit for bit with 1 or 2 threads.
        public var chunks: Int
        /// Clip gradients to this global L2 norm before each step; nil for no clipping.
        public var gradientClipNorm: Float?
        /// The loss whose gradient is followed (its mean over the batch).
        public var loss: any Loss
        /// Stop when the validation loss has not improved for this many epochs, and keep the
        /// weights of the best epoch; nil to always run every epoch. Needs validation examples.
        public var earlyStoppingPatience: Int?

        public init(epochs: Int = 10, batchSize: Int = 64, shuffle: Bool = true, seed: UInt64 = 0,
                    threads: Int = 1, chunks: Int = 2, gradientClipNorm: Float? = nil,
                    loss: any Loss = MeanSquaredError(), earlyStoppingPatience: Int? = nil) {
            self.epochs = epochs
            self.batchSize = batchSize
            self.shuffle = shuffle
            self.seed = seed
            self.threads = threads
            self.chunks = chunks
            self.gradientClipNorm = gradientClipNorm
            self.loss = loss
            self.earlyStoppingPatience = earlyStoppingPatience
        }

        /// Throws `TrainingError.invalidSetting` for the first setting out of range.
        public func validate() throws {
            func check(_ ok: Bool, _ name: String, _ value: Any, _ expected: String) throws {
                if !ok { throw TrainingError.invalidSetting(name: name, value: "\(value)", expected: expected) }
            }
            try check(epochs >= 1, "epochs", epochs, "at least 1")
            try check(batchSize >= 1, "batch size", batchSize, "at least 1")
            try check(threads >= 1, "threads", threads, "at least 1")
            try check(chunks >= 1, "chunks", chunks, "at least 1")
            if let clip = gradientClipNorm {
                try check(clip > 0 && clip.isFinite, "gradient clip norm", clip, "a positive number")
            }
            if let patience = earlyStoppingPatience {
                try check(patience >= 1, "early stopping patience", patience, "at least 1 epoch")
            }
        }
    }
}
