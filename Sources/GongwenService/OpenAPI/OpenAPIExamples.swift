import Gongwen

/// Example bodies the document shows (and schemathesis's example phase sends).
enum OpenAPIExamples {
    /// Data for key-project-2020, the template the `id` parameter's example names.
    static let keyProject: JSONValue = .object([
        "projectName": .string("“科技战疫 创新强国”科普大篷车进社区巡回展"),
        "organizer": .string("郑州市科学技术馆"),
        "supervisor": .string("郑州市科学技术局"),
        "venue": .string("郑州市中原区绿东村街道等 6 个社区"),
        "period": .string("2020 年 8 月 23 日至 29 日"),
        "leader": .string("李建国"),
        "contact": .string("张晓燕"),
        "address": .string("郑州市中原区工人路 13 号"),
        "postcode": .string("450007"),
        "phone": .string("0371-67183769"),
        "email": .string("zzkjgkp2020@163.com"),
        "budget": .string("5万元"),
        "participants": .number(3000),
        "summary": .string("活动以“科技战疫 创新强国”为主题，组织科普大篷车深入社区开展巡回展示。"),
    ])
}
