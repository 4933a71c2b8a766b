#!/usr/bin/env python3
"""Derive the capacity-factor and tariff series of the real-data corpus (data/sites/real/).

Reads the public files in ../shared/data in place (never copies them) and writes small hourly
CSVs with UTC timestamps to data/series/real/. The models, formulas and their sources are in
docs/corpus.md. Standard library + numpy only; deterministic: the same inputs give
byte-identical files (values are rounded to 4 decimals before they are written).

    python3 tools/corpus/make_series.py                      # writes data/series/real/*.csv
    python3 tools/corpus/make_series.py --out /tmp/series    # elsewhere (the regeneration test)
    python3 tools/corpus/make_series.py --shared /path/to/shared/data
"""

import argparse
import csv
import datetime as dt
import json
import math
import os
import sys

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO), "shared", "data")
DEFAULT_OUT = os.path.join(REPO, "data", "series", "real")

UTC = dt.timezone.utc
YEAR = 2023

# --- PV system (PVWatts v5 defaults, Dobos 2014, NREL/TP-6A20-62641) -----------------------
PV_TEMP_COEFF_PER_K = -0.0047   # "standard" module type
PV_NOCT_C = 45.0                # nominal operating cell temperature (Ross 1980 NOCT model)
PV_SYSTEM_LOSS = 0.1408         # PVWatts v5 default system losses (14.08 %)
PV_INVERTER_EFF = 0.96          # PVWatts v5 nominal inverter efficiency
GROUND_ALBEDO = 0.2             # Liu and Jordan (1963) isotropic-sky model, grass/soil
SOLAR_CONSTANT_W_M2 = 1367.0    # Duffie and Beckman, Solar Engineering of Thermal Processes

# --- Wind turbine (idealised cubic power curve, Carrillo et al. 2013) ----------------------
WIND_HUB_HEIGHT_M = 100.0
WIND_SHEAR_EXPONENT = 1.0 / 7.0  # Hellmann power law with the 1/7 exponent (Peterson and Hennessey 1978)
WIND_CUT_IN_M_S = 3.0
WIND_RATED_M_S = 12.0
WIND_CUT_OUT_M_S = 25.0
WIND_LOSS = 0.10                 # wake, availability and electrical losses (assumption)

# Open-Meteo cities (coordinates are read from each file); tilt of the fixed PV plane, degrees.
OPEN_METEO = {
    # region folder: (output name, PV tilt in degrees)
    "US-TEX-ERCO": ("open-meteo-dallas-2023.csv", 30.0),
    "US-CAL-CISO": ("open-meteo-san-jose-2023.csv", 30.0),
    "US-MIDA-PJM": ("open-meteo-philadelphia-2023.csv", 35.0),
    "DE-LU": ("open-meteo-frankfurt-2023.csv", 35.0),
    "GB": ("open-meteo-london-2023.csv", 35.0),
    "SG": ("open-meteo-singapore-2023.csv", 10.0),
}


def solar_position(epoch_s, lat_deg, lon_deg):
    """cos(zenith), declination and hour angle (radians) at UTC epoch seconds.

    Spencer (1971) Fourier series for declination and equation of time (as in Iqbal 1983 and
    Duffie and Beckman ch. 1); hour angle from apparent solar time.
    """
    days = (epoch_s - dt.datetime(YEAR, 1, 1, tzinfo=UTC).timestamp()) / 86400.0
    day_of_year = np.floor(days) + 1.0
    hours_utc = (days - np.floor(days)) * 24.0
    gamma = 2.0 * math.pi * (day_of_year - 1.0) / 365.0
    decl = (0.006918 - 0.399912 * np.cos(gamma) + 0.070257 * np.sin(gamma)
            - 0.006758 * np.cos(2 * gamma) + 0.000907 * np.sin(2 * gamma)
            - 0.002697 * np.cos(3 * gamma) + 0.00148 * np.sin(3 * gamma))
    eot_min = 229.18 * (0.000075 + 0.001868 * np.cos(gamma) - 0.032077 * np.sin(gamma)
                        - 0.014615 * np.cos(2 * gamma) - 0.040849 * np.sin(2 * gamma))
    solar_time_h = hours_utc + lon_deg / 15.0 + eot_min / 60.0
    hour_angle = np.radians(15.0 * (solar_time_h - 12.0))
    lat = math.radians(lat_deg)
    cos_z = np.sin(lat) * np.sin(decl) + np.cos(lat) * np.cos(decl) * np.cos(hour_angle)
    extraterrestrial = SOLAR_CONSTANT_W_M2 * (1.0 + 0.033 * np.cos(2.0 * math.pi * day_of_year / 365.0))
    return cos_z, decl, hour_angle, extraterrestrial


def cos_incidence(lat_deg, tilt_deg, decl, hour_angle):
    """Incidence on a fixed plane tilted tilt_deg facing the equator (Duffie and Beckman eq. 1.6.7)."""
    sign = 1.0 if lat_deg >= 0 else -1.0
    eff = math.radians(abs(lat_deg) - tilt_deg)
    decl_eff = sign * decl
    return np.sin(decl_eff) * np.sin(eff) + np.cos(decl_eff) * np.cos(eff) * np.cos(hour_angle)


def erbs_diffuse_fraction(kt):
    """Erbs, Klein and Duffie (1982) diffuse fraction of GHI from the clearness index."""
    kt = np.clip(kt, 0.0, 1.0)
    low = 1.0 - 0.09 * kt
    mid = 0.9511 - 0.1604 * kt + 4.388 * kt**2 - 16.638 * kt**3 + 12.336 * kt**4
    return np.where(kt <= 0.22, low, np.where(kt <= 0.80, mid, 0.165))


def pv_capacity_factor(beam_normal, diffuse_h, ghi, cos_z, cos_theta, tilt_deg, air_temp_c):
    """AC output per DC kW of a fixed PV plane (PVWatts v5-style losses, NOCT cell temperature)."""
    tilt = math.radians(tilt_deg)
    beam = beam_normal * np.clip(cos_theta, 0.0, None)
    sky = diffuse_h * (1.0 + math.cos(tilt)) / 2.0
    ground = ghi * GROUND_ALBEDO * (1.0 - math.cos(tilt)) / 2.0
    poa = np.where(cos_z > 0.0, beam + sky + ground, 0.0)
    cell_c = air_temp_c + poa / 800.0 * (PV_NOCT_C - 20.0)
    dc = poa / 1000.0 * (1.0 + PV_TEMP_COEFF_PER_K * (cell_c - 25.0))
    return np.clip(dc * (1.0 - PV_SYSTEM_LOSS) * PV_INVERTER_EFF, 0.0, 1.0)


def wind_capacity_factor(speed_10m_m_s):
    """Hub-height speed by the power law, then the cubic power curve and a flat loss."""
    v = speed_10m_m_s * (WIND_HUB_HEIGHT_M / 10.0) ** WIND_SHEAR_EXPONENT
    cubic = (v**3 - WIND_CUT_IN_M_S**3) / (WIND_RATED_M_S**3 - WIND_CUT_IN_M_S**3)
    power = np.where(v < WIND_CUT_IN_M_S, 0.0,
                     np.where(v < WIND_RATED_M_S, cubic, np.where(v < WIND_CUT_OUT_M_S, 1.0, 0.0)))
    return power * (1.0 - WIND_LOSS)


def iso(epoch_s):
    return dt.datetime.fromtimestamp(int(epoch_s), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_csv(path, header, epochs, columns):
    with open(path, "w", newline="") as handle:
        handle.write(",".join(header) + "\n")
        for i, epoch in enumerate(epochs):
            cells = [iso(epoch)] + ["%.4f" % (round(float(col[i]), 4) + 0.0) for col in columns]
            handle.write(",".join(cells) + "\n")


def open_meteo_series(shared, region, out_name, tilt_deg, out_dir):
    """Solar CF from cloud cover (Haurwitz clear sky x Kasten-Czeplak) and wind CF from 10 m wind."""
    with open(os.path.join(shared, "weather", "open-meteo_2023", region, "2023.json")) as handle:
        data = json.load(handle)
    hourly = data["hourly"]
    offset = data["utc_offset_seconds"]
    lat, lon = data["latitude"], data["longitude"]
    epochs = np.array([dt.datetime.strptime(t, "%Y-%m-%dT%H:%M").replace(tzinfo=UTC).timestamp() - offset
                       for t in hourly["time"]])
    cloud = np.array(hourly["cloudcover"], dtype=float) / 100.0
    temp = np.array(hourly["temperature_2m"], dtype=float)
    wind_m_s = np.array(hourly["windspeed_10m"], dtype=float) / 3.6   # km/h in the file
    # Sun position at the middle of each hour (the step is [t, t + 1 h)).
    cos_z, decl, hour_angle, extra = solar_position(epochs + 1800.0, lat, lon)
    mu = np.clip(cos_z, 1e-6, None)
    ghi_clear = np.where(cos_z > 0.0, 1098.0 * mu * np.exp(-0.059 / mu), 0.0)          # Haurwitz 1945
    ghi = ghi_clear * (1.0 - 0.75 * cloud ** 3.4)                                       # Kasten and Czeplak 1980
    kt = np.where(cos_z > 0.0, ghi / (extra * mu), 0.0)
    diffuse = ghi * erbs_diffuse_fraction(kt)
    beam_normal = np.where(cos_z > 0.05, (ghi - diffuse) / mu, 0.0)
    cos_theta = cos_incidence(lat, tilt_deg, decl, hour_angle)
    solar = pv_capacity_factor(beam_normal, diffuse, ghi, cos_z, cos_theta, tilt_deg, temp)
    wind = wind_capacity_factor(wind_m_s)
    write_csv(os.path.join(out_dir, out_name), ["timestamp_utc", "solar_cf", "wind_cf"], epochs, [solar, wind])
    return out_name, float(np.mean(solar)), float(np.mean(wind))


def pvgis_series(shared, out_dir):
    """Solar CF from the PVGIS typical year at 45 N 8 E (GHI, DNI, DHI given), laid onto 2023 UTC."""
    path = os.path.join(shared, "weather", "pvlib", "tmy_45.000_8.000_2005_2023.epw")
    lat, lon, tilt = 45.0, 8.0, 35.0
    rows = []
    with open(path) as handle:
        for line in handle.read().splitlines()[8:]:
            f = line.split(",")
            month, day, hour = int(f[1]), int(f[2]), int(f[3])
            # Labels are UTC, hour-ending (1-24): the hour labelled H starts at H - 1.
            start = dt.datetime(YEAR, month, day, tzinfo=UTC) + dt.timedelta(hours=hour - 1)
            rows.append((start.timestamp(), float(f[6]), float(f[13]), float(f[14]), float(f[15])))
    rows.sort()
    epochs = np.array([r[0] for r in rows])
    temp, ghi, dni, dhi = (np.array([r[k] for r in rows]) for k in (1, 2, 3, 4))
    cos_z, decl, hour_angle, _ = solar_position(epochs + 1800.0, lat, lon)
    cos_theta = cos_incidence(lat, tilt, decl, hour_angle)
    solar = pv_capacity_factor(dni, dhi, ghi, cos_z, cos_theta, tilt, temp)
    name = "pvgis-45n-8e-tmy-on-2023.csv"
    write_csv(os.path.join(out_dir, name), ["timestamp_utc", "solar_cf"], epochs, [solar])
    return name, float(np.mean(solar))


def fneum_series(shared, out_dir):
    """Germany 2015 renewables.ninja capacity factors (UTC), relabelled onto 2023 by month, day, hour."""
    path = os.path.join(shared, "renewables", "fneum_de_2015", "time-series-lecture-2.csv")
    epochs, onwind, offwind, solar = [], [], [], []
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        for row in reader:
            t = dt.datetime.strptime(row[0], "%Y-%m-%d %H:%M:%S").replace(year=YEAR, tzinfo=UTC)
            epochs.append(t.timestamp())
            onwind.append(float(row[col["onwind"]]))
            offwind.append(float(row[col["offwind"]]))
            solar.append(float(row[col["solar"]]))
    name = "fneum-de-2015-cf-on-2023.csv"
    write_csv(os.path.join(out_dir, name), ["timestamp_utc", "onwind_cf", "offwind_cf", "solar_cf"],
              np.array(epochs), [np.array(onwind), np.array(offwind), np.array(solar)])
    return name, float(np.mean(onwind)), float(np.mean(offwind)), float(np.mean(solar))


def singapore_tariff(out_dir):
    """A stand-in flat tariff with a weekday daytime peak adder (Singapore time, UTC+8).

    Singapore's wholesale prices are not in the shared data. Assumption, not a published tariff:
    150 USD/MWh flat, plus 40 USD/MWh on weekdays 08:00-20:00 local, minus 20 USD/MWh 23:00-07:00.
    """
    start = dt.datetime(YEAR - 1, 12, 31, 0, tzinfo=UTC)
    epochs, prices = [], []
    for h in range(24 * (365 + 2)):
        t = start + dt.timedelta(hours=h)
        local = t + dt.timedelta(hours=8)
        price = 150.0
        if local.weekday() < 5 and 8 <= local.hour < 20:
            price += 40.0
        if local.hour >= 23 or local.hour < 7:
            price -= 20.0
        epochs.append(t.timestamp())
        prices.append(price)
    name = "sg-flat-tou-tariff-2023.csv"
    write_csv(os.path.join(out_dir, name), ["timestamp_utc", "price_usd_per_mwh"], np.array(epochs), [np.array(prices)])
    return name, float(np.mean(prices))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=DEFAULT_SHARED, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: data/series/real)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    report = []
    for region, (name, tilt) in OPEN_METEO.items():
        out, solar, wind = open_meteo_series(args.shared, region, name, tilt, args.out)
        report.append("%s: mean solar CF %.3f, wind CF %.3f" % (out, solar, wind))
    out, solar = pvgis_series(args.shared, args.out)
    report.append("%s: mean solar CF %.3f" % (out, solar))
    out, on, off, solar = fneum_series(args.shared, args.out)
    report.append("%s: mean onshore %.3f, offshore %.3f, solar %.3f" % (out, on, off, solar))
    out, price = singapore_tariff(args.out)
    report.append("%s: mean %.2f USD/MWh" % (out, price))
    if not args.quiet:
        print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
