import Foundation

extension SafeTensorsFile {
    /// The first key that one object of the header names twice, and the key of that object
    /// (`__metadata__`, a tensor's name, or "" for the header itself); nil when every key is unique.
    ///
    /// JSON leaves a repeated key undefined and readers differ: Python's `json` (and so PyTorch's
    /// `safetensors`) keeps the last value, Foundation's decoder the first. A header with
    /// `"lookback": "5"` and then `"lookback": "4"` would load as two different models, so it is
    /// refused. `header` must be JSON that has already been decoded once.
    static func repeatedKey(in header: ArraySlice<UInt8>) -> (key: String, object: String)? {
        let (quote, backslash) = (UInt8(ascii: "\""), UInt8(ascii: "\\"))
        // One entry per open object or array: an object's keys so far and its own key; nil for an array.
        var open: [(keys: Set<String>, name: String)?] = []
        var expectingKey = false
        var lastKey = ""
        var index = header.startIndex
        while index < header.endIndex {
            switch header[index] {
            case quote:
                var end = index + 1
                while end < header.endIndex, header[end] != quote { end += header[end] == backslash ? 2 : 1 }
                if expectingKey, let object = open.last ?? nil, end < header.endIndex {
                    let text = header[index...end]
                    // Escapes (`\u006c`) are decoded so that two spellings of one key match.
                    let key = text.contains(backslash)
                        ? (try? JSONDecoder().decode(String.self, from: Data(text))) ?? String(decoding: text, as: UTF8.self)
                        : String(decoding: text.dropFirst().dropLast(), as: UTF8.self)
                    if object.keys.contains(key) { return (key, object.name) }
                    open[open.count - 1]?.keys.insert(key)
                    lastKey = key
                    expectingKey = false
                }
                index = end + 1
                continue
            case UInt8(ascii: "{"):
                open.append((keys: [], name: open.isEmpty ? "" : lastKey))
                expectingKey = true
            case UInt8(ascii: "["):
                open.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                open.removeLast()
            case UInt8(ascii: ","):
                expectingKey = (open.last ?? nil) != nil
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
