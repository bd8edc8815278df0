import Foundation

/// A signer's name as the separation-of-duties rule compares it: 「王　某」, 「 王某 」, 「王\u{00A0}某」 and 「王某」 are one
/// person, and so are 「Ｗａｎｇ　Ｍｉｎｇ」 and 「wang ming」.
public enum SignoffName {
    /// The name with compatibility forms folded (NFKC: full-width letters and digits, the ideographic space, NBSP,
    /// compatibility ideographs), then `NormalisedText.fold` (every space, dash and dot to ASCII, zero-width and format
    /// characters dropped), every space and invisible character removed, Latin letters lower-cased.
    static func folded(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.precomposedStringWithCompatibilityMapping.unicodeScalars {
            guard let folded = NormalisedText.fold(scalar.value).flatMap(Unicode.Scalar.init), folded.isVisible else { continue }
            scalars.append(folded)
        }
        return String(scalars).lowercased()
    }

    /// Whether two `by` values name the same person; two names without a visible character are no names, never equal.
    public static func same(_ a: String, _ b: String) -> Bool {
        let first = folded(a)
        return !first.isEmpty && first == folded(b)
    }
}
