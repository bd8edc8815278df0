import Foundation
import Hummingbird

/// `request.decode(as:context:)` for studio routes: HTML forms (`application/x-www-form-urlencoded`) through
/// Hummingbird's form decoder, anything else as JSON.
public struct StudioRequestDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            return try await URLEncodedFormDecoder().decode(type, from: request, context: context)
        }
        return try await JSONDecoder().decode(type, from: request, context: context)
    }
}
