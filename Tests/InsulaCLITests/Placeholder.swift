import Testing
@Test func placeholder_InsulaCLITests() { #expect(Bool(true)) }
