/// A grid of dots, two across and four down per character cell, shown with the Unicode braille
/// patterns (U+2800 … U+28FF) so a terminal line of 60 characters holds 120 points.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    /// One bit set per dot, eight bits per cell, row-major cells.
    private var cells: [UInt8]

    /// Width in dots (`2 × columns`).
    var dotWidth: Int { columns * 2 }
    /// Height in dots (`4 × rows`).
    var dotHeight: Int { rows * 4 }

    init(columns: Int, rows: Int) {
        precondition(columns >= 0 && rows >= 0, "BrailleCanvas needs a non-negative size, got \(columns) × \(rows)")
        self.columns = columns
        self.rows = rows
        self.cells = Array(repeating: 0, count: columns * rows)
    }

    /// The bit of each dot in a cell, indexed `[dotRow][dotColumn]`: the braille numbering puts
    /// dots 1–3 and 4–6 down the two columns and dots 7 and 8 at the bottom (Unicode chart U+2800).
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets the dot at (`x`, `y`), origin top-left; dots outside are ignored.
    mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        cells[(y / 4) * columns + x / 2] |= BrailleCanvas.bits[y % 4][x % 2]
    }

    /// Sets the dots of a straight line from one dot to another, both ends included.
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) {
        let steps = max(abs(end.x - start.x), abs(end.y - start.y))
        guard steps > 0 else { return set(x: start.x, y: start.y) }
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            set(x: start.x + Int((Double(end.x - start.x) * t).rounded()),
                y: start.y + Int((Double(end.y - start.y) * t).rounded()))
        }
    }

    /// Whether the cell holds any dot.
    func isEmpty(column: Int, row: Int) -> Bool { cells[row * columns + column] == 0 }

    /// The braille character of a cell (U+2800 is the blank pattern).
    func character(column: Int, row: Int) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(cells[row * columns + column]))!)
    }
}
