import Testing
@Test func placeholder_SchedulingTests() { #expect(Bool(true)) }
