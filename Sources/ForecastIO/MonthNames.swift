import Foundation

/// Month names as a month column beside a year column writes them (`YearPeriodColumns`), in the
/// languages whose headers `TimeColumn` recognises: English, German, French, Spanish, Italian,
/// Portuguese and Dutch. Date columns themselves are read in English only (`DateFormat`); a month
/// column is one word, so reading it in every language of its header costs no ambiguity.
enum MonthNames {
    /// Full names, month 1 first.
    static let fullNames: [[String]] = [
        ["january", "januar", "janvier", "enero", "gennaio", "janeiro", "januari"],
        ["february", "februar", "février", "febrero", "febbraio", "fevereiro", "februari"],
        ["march", "märz", "mars", "marzo", "março", "maart"],
        ["april", "avril", "abril", "aprile"],
        ["may", "mai", "mayo", "maggio", "maio", "mei"],
        ["june", "juni", "juin", "junio", "giugno", "junho"],
        ["july", "juli", "juillet", "julio", "luglio", "julho"],
        ["august", "août", "agosto", "augustus"],
        ["september", "septembre", "septiembre", "setiembre", "settembre", "setembro"],
        ["october", "oktober", "octobre", "octubre", "ottobre", "outubro"],
        ["november", "novembre", "noviembre", "novembro"],
        ["december", "dezember", "décembre", "diciembre", "dicembre", "dezembro"],
    ]

    /// Folded name or abbreviation → month. An abbreviation is any prefix of three letters or
    /// more of a full name (`Sep`, `Sept`, `févr`, `Mär`), kept only when every name it begins is
    /// the same month (`jui` begins both `juin` and `juillet`, so it is left out); the German `Mrz`
    /// and Dutch `mrt` begin no name and are added.
    static let monthByName: [String: Int] = {
        var table: [String: Int] = [:]
        var ambiguous: Set<String> = []
        for (index, names) in fullNames.enumerated() {
            for name in names.map(fold) {
                for length in 3...name.count {
                    let prefix = String(name.prefix(length))
                    if let month = table[prefix], month != index + 1 { ambiguous.insert(prefix) }
                    table[prefix] = index + 1
                }
            }
        }
        for prefix in ambiguous { table[prefix] = nil }
        table["mrz"] = 3
        table["mrt"] = 3
        return table
    }()

    /// The month `text` names, in any of the languages, with or without accents, capitals or a
    /// final dot; nil when it names none.
    static func month(named text: String) -> Int? {
        var name = fold(text)
        if name.hasSuffix(".") { name.removeLast() }
        return monthByName[name]
    }

    /// Lower case without accents, so `Févr`, `fevr` and `FÉVR` are one key.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
