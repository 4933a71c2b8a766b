import Testing
@Test func placeholder_ThermalTests() { #expect(Bool(true)) }
