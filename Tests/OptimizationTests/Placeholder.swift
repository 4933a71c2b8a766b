import Testing
@Test func placeholder_OptimizationTests() { #expect(Bool(true)) }
