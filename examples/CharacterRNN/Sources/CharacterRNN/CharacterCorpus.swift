/// A text as a sequence of class indices over its own vocabulary, and the one-hot windows a
/// next-character model reads: window i is characters i ..< i+L, its target character i+L.
struct CharacterCorpus {
    /// The distinct characters of the text, sorted, so class j is `vocabulary[j]`.
    let vocabulary: [Character]
    /// The text, one class index per character.
    let indices: [Int]
    private let classOfCharacter: [Character: Int]

    init(text: String) {
        let characters = Array(text)
        vocabulary = Array(Set(characters)).sorted()
        classOfCharacter = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        indices = characters.compactMap { [classOfCharacter] in classOfCharacter[$0] }  // every character is in it
    }

    /// V, the number of classes (and the width of a one-hot input).
    var vocabularySize: Int { vocabulary.count }

    /// How many windows of `lookback` characters have a character after them.
    func windowCount(lookback: Int) -> Int { max(0, indices.count - lookback) }

    /// The class indices of `text`, skipping characters the corpus never saw.
    func classes(of text: String) -> [Int] { text.compactMap { classOfCharacter[$0] } }

    /// Writes the windows starting at `starts` as B × L × V one-hot rows into `inputs`
    /// (overwriting it) and their next characters into `targets`.
    func fill(starts: ArraySlice<Int>, lookback: Int, inputs: inout [Float], targets: inout [Int]) {
        let v = vocabularySize
        inputs.removeAll(keepingCapacity: true)
        inputs.append(contentsOf: repeatElement(0, count: starts.count * lookback * v))
        targets.removeAll(keepingCapacity: true)
        for (b, start) in starts.enumerated() {
            for t in 0..<lookback {
                inputs[(b * lookback + t) * v + indices[start + t]] = 1
            }
            targets.append(indices[start + lookback])
        }
    }

    /// One window given as class indices (the last `lookback` of `context`), one-hot.
    func oneHot(context: ArraySlice<Int>) -> [Float] {
        var row = [Float](repeating: 0, count: context.count * vocabularySize)
        for (t, index) in context.enumerated() { row[t * vocabularySize + index] = 1 }
        return row
    }
}
