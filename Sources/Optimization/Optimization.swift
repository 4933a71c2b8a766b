import CGLPK
/// GLPK's version string, from `glp_version`.
public func glpkVersion() -> String { String(cString: glp_version()) }
