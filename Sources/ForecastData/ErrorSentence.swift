/// How the library's errors put a problem and its remedies into one sentence, shared with the
/// command line so that its wording of the same remedies reads the same way.
package enum ErrorSentence {
    /// `problem; first remedy, or second remedy.`, or `problem.` without remedies.
    package static func joining(_ problem: String, remedies: [String]) -> String {
        problem + (remedies.isEmpty ? "" : "; " + remedies.joined(separator: ", or ")) + "."
    }
}
