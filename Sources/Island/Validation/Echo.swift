import Foundation

/// How values from the user's files appear in messages: quoted, control characters escaped
/// (`\u{1B}`, so an escape sequence in a cell never reaches a terminal raw) and capped at
/// ``maximumCharacters`` characters followed by the value's size, so a 10 MB cell is never
/// echoed in full.
public enum Echo {
    /// Characters of a value shown before it is cut.
    public static let maximumCharacters = 80

    /// `text` in double quotes, escaped and capped: `"abc"`, `"\u{1B}[31m..." ... (2000005 bytes)`.
    public static func quoted(_ text: some StringProtocol) -> String {
        "\"" + shown(text) + "\"" + sizeNote(text)
    }

    /// `text` escaped and capped at `limit` characters, without quotes (a name inside a message).
    public static func plain(_ text: some StringProtocol, limit: Int = maximumCharacters) -> String {
        text.count > limit ? escaped(text.prefix(limit)) + "... (\(text.utf8.count) bytes)" : escaped(text)
    }

    /// Control characters (C0 except tab, DEL, C1) as `\u{XX}`; nothing else changes.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return String(text) }
        return text.unicodeScalars.map { isControl($0) ? String(format: "\\u{%02X}", $0.value) : String($0) }.joined()
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    private static func shown(_ text: some StringProtocol) -> String {
        text.count > maximumCharacters ? escaped(text.prefix(maximumCharacters)) : escaped(text)
    }

    private static func sizeNote(_ text: some StringProtocol) -> String {
        text.count > maximumCharacters ? "... (\(text.utf8.count) bytes)" : ""
    }
}
