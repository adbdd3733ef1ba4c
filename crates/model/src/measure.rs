//! Units of measure: what the analysis reads as a quantity's unit ("12 kilometres offshore"
//! measures kilometres, not "offshore") and what the aligner converts before it compares
//! figures ("7.5 miles" and "12 km" are one distance).

/// Each unit as a quantity's unit key writes it (lowercase, a plural "s" dropped), with its
/// dimension's base unit and the factor to it: lengths in kilometres, areas in square
/// kilometres, volumes in cubic metres, masses in kilograms, speeds in kilometres an hour,
/// temperatures in degrees Celsius (Fahrenheit also has an offset: [`to_base`]).
const MEASURES: &[(&str, &str, f64)] = &[
    ("km", "km", 1.0),
    ("kilometre", "km", 1.0),
    ("kilometer", "km", 1.0),
    ("kms", "km", 1.0),
    ("mile", "km", 1.609_344),
    ("nautical mile", "km", 1.852),
    ("metre", "km", 0.001),
    ("meter", "km", 0.001),
    ("m", "km", 0.001),
    ("cm", "km", 1e-5),
    ("centimetre", "km", 1e-5),
    ("centimeter", "km", 1e-5),
    ("feet", "km", 0.000_304_8),
    ("foot", "km", 0.000_304_8),
    ("ft", "km", 0.000_304_8),
    ("yard", "km", 0.000_914_4),
    ("square kilometre", "km2", 1.0),
    ("square kilometer", "km2", 1.0),
    ("square km", "km2", 1.0),
    ("sq km", "km2", 1.0),
    ("km2", "km2", 1.0),
    ("square mile", "km2", 2.589_988),
    ("hectare", "km2", 0.01),
    ("acre", "km2", 0.004_046_86),
    ("cubic metre", "m3", 1.0),
    ("cubic meter", "m3", 1.0),
    ("m3", "m3", 1.0),
    ("cubic foot", "m3", 0.028_316_85),
    ("cubic feet", "m3", 0.028_316_85),
    ("cubic yard", "m3", 0.764_554_9),
    ("cubic kilometre", "m3", 1e9),
    ("cubic kilometer", "m3", 1e9),
    ("litre", "m3", 0.001),
    ("liter", "m3", 0.001),
    ("kg", "kg", 1.0),
    ("kilogram", "kg", 1.0),
    ("kilogramme", "kg", 1.0),
    ("tonne", "kg", 1000.0),
    ("metric ton", "kg", 1000.0),
    ("km/h", "km/h", 1.0),
    ("kph", "km/h", 1.0),
    ("kilometres per hour", "km/h", 1.0),
    ("kilometers per hour", "km/h", 1.0),
    ("mph", "km/h", 1.609_344),
    ("miles per hour", "km/h", 1.609_344),
    ("c", "celsius", 1.0),
    ("°c", "celsius", 1.0),
    ("° c", "celsius", 1.0),
    ("celsius", "celsius", 1.0),
    ("degree celsius", "celsius", 1.0),
    ("degrees celsius", "celsius", 1.0),
    ("f", "celsius", 5.0 / 9.0),
    ("°f", "celsius", 5.0 / 9.0),
    ("° f", "celsius", 5.0 / 9.0),
    ("fahrenheit", "celsius", 5.0 / 9.0),
    ("degree fahrenheit", "celsius", 5.0 / 9.0),
    ("degrees fahrenheit", "celsius", 5.0 / 9.0),
];

/// A figure in its unit's base unit ("115.3F" is 46.28 degrees Celsius); `None` when the
/// unit is no unit of measure.
pub fn to_base(value: f64, unit: &str) -> Option<(&'static str, f64)> {
    let (base, factor) = measure(unit)?;
    let offset = if base == "celsius" && factor != 1.0 {
        -32.0
    } else {
        0.0
    };
    Some((base, (value + offset) * factor))
}

/// The base unit of a unit of measure and the factor to it, for a unit key ("mile" →
/// ("km", 1.609344)); `None` for anything else ("people", "euros").
pub fn measure(unit: &str) -> Option<(&'static str, f64)> {
    MEASURES
        .iter()
        .find(|(name, _, _)| *name == unit)
        .map(|&(_, base, factor)| (base, factor))
}

/// Whether two figures of one unit key agree: equal, or for a base unit of measure within
/// what converting and rounding lose: 2% of a length, area, mass or speed ("7.5 miles" is
/// 12.07 km against "12 km"), a tenth of a degree of a temperature ("115.3F" is 46.28C
/// against "46.3C", where 45.9C is another reading).
pub fn same_figure(x: f64, y: f64, unit: &str) -> bool {
    let apart = (x - y).abs();
    apart < 1e-9
        || (unit == "celsius" && apart <= 0.1)
        || (unit != "celsius"
            && MEASURES.iter().any(|(_, base, _)| *base == unit)
            && apart <= 0.02 * x.abs().max(y.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_written_in_two_units_are_one_figure() {
        let (base, factor) = measure("mile").expect("a mile is a length");
        assert_eq!(base, "km");
        assert!(same_figure(7.5 * factor, 12.0, base));
        assert!(!same_figure(9.0 * factor, 12.0, base));
        assert!(!same_figure(12.1, 12.0, "people"));
        assert!(measure("people").is_none());
        let (base, celsius) = to_base(115.3, "f").expect("Fahrenheit is a temperature");
        assert_eq!(base, "celsius");
        assert!(same_figure(celsius, 46.3, base));
        assert!(!same_figure(celsius, 45.9, base));
    }
}
