/// The error responses, each an RFC 9457 problem, shared by the operations that can give them.
enum OpenAPIResponses {
    static let statuses: [(status: String, name: String, description: String)] = [
        ("400", "BadRequest", "Malformed JSON, an unreadable list or archive, or an unknown query parameter value."),
        ("401", "Unauthorized", "The service has a token and the request did not bring it (Authorization: Bearer …)."),
        ("404", "NotFound", "No template has this id."),
        ("413", "ContentTooLarge", "The body is over the limit (1 MiB of JSON, 32 MiB of list or zip, by default)."),
        ("415", "UnsupportedMediaType", "The body's Content-Type is not one this operation reads."),
        ("422", "InvalidData", "Well-formed data that breaks the form's rules; `errors` names every field."),
        ("500", "InternalError", "A failure on the server's side (never bad input); the detail says nothing of internals."),
        ("503", "Unavailable", "Busy (every render slot taken and the queue full, or every LibreOffice instance and the PDF queue), past the deadline, or PDF asked for without LibreOffice. Retry-After is set when trying again later helps."),
    ]

    static func name(for status: String) -> String {
        statuses.first { $0.status == status }?.name ?? "InternalError"
    }

    static func ref(_ name: String) -> OpenAPIValue {
        ["$ref": .string("#/components/responses/" + name)]
    }

    static var all: OpenAPIValue {
        .object(statuses.map { entry in
            var response: [(key: String, value: OpenAPIValue)] = [
                (key: "description", value: .string(entry.description)),
            ]
            if entry.status == "503" {
                response.append((key: "headers", value: [
                    "Retry-After": ["description": "Seconds to wait before trying again.", "schema": ["type": "integer"]],
                ]))
            }
            if entry.status == "401" {
                response.append((key: "headers", value: [
                    "WWW-Authenticate": ["schema": ["type": "string"]],
                ]))
            }
            response.append((key: "content", value: [
                "application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]],
            ]))
            return (key: entry.name, value: .object(response))
        })
    }
}
