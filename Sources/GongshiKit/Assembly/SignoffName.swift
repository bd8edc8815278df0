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
        // Almost every name is Chinese characters, perhaps with Latin letters or digits: folding leaves those as they
        // are but for the letters' case, so they are compared without it (NFKC over every name of a large site was
        // 3 % of a one-edit rebuild).
        if isPlain(a), isPlain(b) { return a.utf8.elementsEqual(b.utf8) || a.lowercased() == b.lowercased() }
        let first = folded(a)
        return !first.isEmpty && first == folded(b)
    }

    /// Whether `folded(name)` is `name` with its ASCII letters lower-cased: a name of CJK unified ideographs
    /// (U+4E00–U+9FFF, which have no compatibility mapping and are untouched by `NormalisedText.fold`) and ASCII
    /// letters and digits only, at least one of them.
    static func isPlain(_ name: String) -> Bool {
        !name.utf8.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                (0x4E00...0x9FFF).contains(scalar.value) || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
            }
    }
}
