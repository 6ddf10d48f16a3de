/// When training stops before its last epoch: an explicit "off", so that `nil` in a configuration
/// only ever means "decide from the data".
public enum EarlyStopping: Hashable, Codable, Sendable {
    /// Train for every configured epoch.
    case off
    /// Stop after this many epochs without improvement of the validation loss, keeping the best
    /// weights. Needs a validation part; without one training runs every epoch.
    case patience(Int)

    /// The patience in epochs, or nil when off.
    public var patience: Int? {
        if case let .patience(epochs) = self { return epochs }
        return nil
    }
}
