import Foundation

/// A Shenzhen district with its approximate centre.
public struct District: Sendable, Hashable {
    /// The code used in batch folders, e.g. `futian`.
    public var code: String
    /// The Chinese name, e.g. 福田区.
    public var nameZh: String
    /// The English name, e.g. Futian.
    public var nameEn: String
    /// Latitude of the centre, degrees.
    public var latitude: Double
    /// Longitude of the centre, degrees.
    public var longitude: Double

    /// The Chinese name without 区, 新区 or 特别合作区: 福田, 大鹏, 深汕.
    public var shortNameZh: String {
        let suffixes = ["特别合作区", "新区", "区"]
        for suffix in suffixes where nameZh.hasSuffix(suffix) && nameZh.count > suffix.count {
            return String(nameZh.dropLast(suffix.count))
        }
        return nameZh
    }
}

/// Shenzhen's districts and the travel times between them.
public struct DistrictTable: Sendable {
    /// All districts in table order.
    public let districts: [District]
    private let byKey: [String: District]
    /// Each district's place in `districts`, by code.
    private let ordinalByCode: [String: Int]
    /// The minutes between every ordered pair of districts, by ordinal, row by row: what
    /// ``travelMinutes(_:_:)`` answers for two codes, computed once per table and overrides.
    private var minutesByOrdinal: [Double] = []
    /// Travel minutes from travel.csv, by ordered pair of codes; empty when not given.
    public var travelOverrides: [String: [String: Double]] = [:] {
        didSet { minutesByOrdinal = minutesBetweenCodes() }
    }

    /// The built-in table of Shenzhen district centres.
    public static let shenzhen: DistrictTable = {
        guard let url = Bundle.module.url(forResource: "shenzhen-districts", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return DistrictTable(districts: []) }
        var list: [District] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 5, let lat = Double(c[3]), let lon = Double(c[4]) else { continue }
            list.append(District(code: c[0], nameZh: c[1], nameEn: c[2], latitude: lat, longitude: lon))
        }
        return DistrictTable(districts: list)
    }()

    /// Creates a table.
    public init(districts: [District]) {
        self.districts = districts
        var keys: [String: District] = [:]
        for d in districts {
            for key in [d.code, d.nameZh, d.nameEn, d.nameEn.replacingOccurrences(of: "'", with: "")] {
                keys[Self.normalize(key)] = d
            }
            keys[Self.normalize(d.shortNameZh)] = d
        }
        byKey = keys
        var ordinals: [String: Int] = [:]
        for (k, d) in districts.enumerated() { ordinals[d.code] = k }
        ordinalByCode = ordinals
        minutesByOrdinal = minutesBetweenCodes()
    }

    /// ``minutes(_:_:)`` between every ordered pair of codes, by ordinal, row by row.
    private func minutesBetweenCodes() -> [Double] {
        districts.flatMap { a in districts.map { b in minutes(a.code, b.code) } }
    }

    private static func normalize(_ s: String) -> String {
        s.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "")
    }

    /// Finds a district by code, Chinese or English name, case-insensitively.
    public func lookup(_ text: String) -> District? { byKey[Self.normalize(text)] }

    /// Close names for an error message: districts sharing a character or prefix with `text`.
    public func suggestions(for text: String) -> [District] {
        let t = Self.normalize(text)
        guard !t.isEmpty else { return [] }
        return districts.filter { d in
            let names = [d.code, d.nameZh, d.nameEn.lowercased()]
            return names.contains { name in
                name.hasPrefix(String(t.prefix(2)))
                    || (t.count <= 4 && name.contains(t.first!) && t.contains(name.first!))
            }
        }
    }

    /// Travel minutes between two districts: travel.csv where given, else the great-circle
    /// distance between centres (R = 6371 km) × 1.4 road factor at 30 km/h, unrounded.
    /// - Complexity: O(1): two codes read the table of minutes, other names compute it.
    public func travelMinutes(_ a: String, _ b: String) -> Double {
        if let i = ordinalByCode[a], let j = ordinalByCode[b] { return minutesByOrdinal[i * districts.count + j] }
        return minutes(a, b)
    }

    /// Travel minutes between two districts, computed.
    private func minutes(_ a: String, _ b: String) -> Double {
        if a == b { return travelOverrides[a]?[b] ?? 0 }
        if let m = travelOverrides[a]?[b] { return m }
        guard let da = byKey[a], let db = byKey[b] else { return .infinity }
        return Self.greatCircleKilometres(da, db) * 1.4 / 30.0 * 60.0
    }

    /// Great-circle distance in kilometres (haversine, R = 6371 km).
    public static func greatCircleKilometres(_ a: District, _ b: District) -> Double {
        let r = 6371.0
        let toRad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * toRad
        let dLon = (b.longitude - a.longitude) * toRad
        let h =
            sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * toRad) * cos(b.latitude * toRad) * sin(dLon / 2)
            * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }
}
