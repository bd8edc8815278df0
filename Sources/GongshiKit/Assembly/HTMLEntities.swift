/// The named HTML entities that can matter to the personal-data scan: spaces, dashes, dots, slashes, brackets,
/// emphasis markers, `@`, `%`, `×` and the invisible characters. Digits and Latin letters have no names, so the
/// decimal and hex forms (`&#49;`, `&#x31;`) cover them.
enum HTMLEntities {
    static func scalar(named name: String) -> UInt32? { table[name] }

    static let table: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "NonBreakingSpace": 0xA0,
        "ensp": 0x2002, "emsp": 0x2003, "emsp13": 0x2004, "emsp14": 0x2005, "numsp": 0x2007, "puncsp": 0x2008,
        "thinsp": 0x2009, "ThinSpace": 0x2009, "hairsp": 0x200A, "VeryThinSpace": 0x200A, "MediumSpace": 0x205F,
        "Tab": 0x09, "NewLine": 0x0A, "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F,
        "ZeroWidthSpace": 0x200B, "NegativeVeryThinSpace": 0x200B, "NegativeThinSpace": 0x200B,
        "NegativeMediumSpace": 0x200B, "NegativeThickSpace": 0x200B, "NoBreak": 0x2060, "af": 0x2061, "it": 0x2062,
        "ic": 0x2063, "hyphen": 0x2010, "dash": 0x2010, "ndash": 0x2013, "mdash": 0x2014, "horbar": 0x2015,
        "minus": 0x2212, "period": 0x2E, "sol": 0x2F, "bsol": 0x5C, "lpar": 0x28, "rpar": 0x29, "ast": 0x2A,
        "midast": 0x2A, "lowbar": 0x5F, "UnderBar": 0x5F, "grave": 0x60, "DiacriticalGrave": 0x60, "commat": 0x40,
        "plus": 0x2B, "num": 0x23, "colon": 0x3A, "comma": 0x2C, "percnt": 0x25, "middot": 0xB7, "centerdot": 0xB7,
        "CenterDot": 0xB7, "bull": 0x2022, "bullet": 0x2022, "times": 0xD7, "excl": 0x21, "quest": 0x3F,
        "equals": 0x3D, "verbar": 0x7C, "vert": 0x7C, "semi": 0x3B, "dollar": 0x24,
        "sdot": 0x22C5, "sim": 0x223C, "Tilde": 0x223C, "tilde": 0x2DC, "lsqb": 0x5B, "lbrack": 0x5B, "rsqb": 0x5D,
        "rbrack": 0x5D, "boxh": 0x2500, "HorizontalLine": 0x2500, "boxH": 0x2550, "VerticalLine": 0x7C,
    ]
}
