/// The version of gongshi; part of every page's cache key, so a new version re-renders everything.
public enum GongshiVersion {
    public static let current = "0.2.0"
}
