import Testing
@Test func placeholder_IslandTests() { #expect(Bool(true)) }
