#!/usr/bin/env python3
"""Generate Insula's synthetic example time series (full year 2025, hourly, UTC).

Pure Python 3 standard library; deterministic for a given seed:

    python3 tools/generate_example_data.py            # writes data/series/*.csv (seed 2025)
    python3 tools/generate_example_data.py --seed 7 --out /tmp/series

One CSV per climate, each with a `timestamp_utc` column (ISO 8601, `2025-01-01T00:00:00Z`, start
of the hour) and these columns (see data/README.md):

    dry_bulb_c                   ambient dry-bulb temperature, C
    relative_humidity_percent    relative humidity, %
    dew_point_c                  dew point, C (Magnus formula from the two above)
    solar_cf                     solar PV capacity factor, 0-1 (AC output / rated)
    wind_cf                      wind capacity factor, 0-1
    price_usd_per_mwh            grid day-ahead import price, USD/MWh (may be negative)
    carbon_intensity_g_per_kwh   grid location-based carbon intensity, gCO2/kWh
    carbon_free_share            carbon-free share of the grid mix, 0-1
    inference_mw                 inference IT demand of the example fleet, MW

The shapes are physically sensible but synthetic: seasonal and diurnal temperature cycles with
autocorrelated weather noise; solar from the sun's elevation times a daily clearness; wind as an
autocorrelated latent process through a logistic power curve; price with a duck curve (midday
dip when the regional solar is high, evening peak), seasonal level, rare spikes and a few
negative hours; carbon intensity anticorrelated with solar and wind; inference demand with a
daily cycle, a weekend dip and growth over the year.
"""
import argparse
import datetime as dt
import math
import os
import random

CLIMATES = {
    # name: latitude, UTC offset of local standard time (h), annual mean T, seasonal amplitude,
    # diurnal half-range, mean RH, mean daily clearness, wind mean level, price level, carbon level
    "temperate": dict(lat=38.9, utc_offset=-5, t_mean=13.5, t_season=11.5, t_diurnal=5.0,
                      rh_mean=68.0, rh_season=4.0, clearness=0.62, wind_bias=-0.7,
                      price_base=42.0, carbon_base=360.0),
    "hot-dry": dict(lat=33.4, utc_offset=-7, t_mean=24.0, t_season=10.0, t_diurnal=7.0,
                    rh_mean=30.0, rh_season=-8.0, clearness=0.86, wind_bias=-1.1,
                    price_base=38.0, carbon_base=390.0),
}
YEAR = 2025


def magnus_dew_point(t_c, rh):
    """Dew point (C) from temperature and RH, Magnus with Alduchov-Eskridge coefficients."""
    gamma = math.log(max(rh, 1.0) / 100.0) + 17.625 * t_c / (t_c + 243.04)
    return 243.04 * gamma / (17.625 - gamma)


def solar_elevation_sin(lat_deg, day_of_year, solar_hour):
    """Sine of the sun's elevation (Cooper declination, hour angle 15 deg/h from solar noon)."""
    decl = math.radians(23.45) * math.sin(2 * math.pi * (284 + day_of_year) / 365.0)
    lat = math.radians(lat_deg)
    hour_angle = math.radians(15.0 * (solar_hour - 12.0))
    return math.sin(lat) * math.sin(decl) + math.cos(lat) * math.cos(decl) * math.cos(hour_angle)


def generate(climate, params, rng):
    start = dt.datetime(YEAR, 1, 1, tzinfo=dt.timezone.utc)
    hours = 8760
    rows = []
    weather_noise = 0.0   # synoptic temperature anomaly, AR(1)
    rh_noise = 0.0
    wind_latent = 0.0     # AR(1) latent wind state
    clearness = params["clearness"]
    price_noise = 0.0
    for hour in range(hours):
        t_utc = start + dt.timedelta(hours=hour)
        local = t_utc + dt.timedelta(hours=params["utc_offset"])
        doy = local.timetuple().tm_yday
        local_hour = local.hour + 0.5  # middle of the hour
        if local.hour == 0 or hour == 0:
            # New day: draw the day's clearness (cloudiness persists a little).
            draw = min(1.0, max(0.05, rng.gauss(params["clearness"], 0.22)))
            clearness = 0.5 * clearness + 0.5 * draw

        # Temperature: seasonal cycle peaking ~day 200, diurnal peak at 15:00 local.
        season = -math.cos(2 * math.pi * (doy - 20) / 365.0)
        diurnal_amp = params["t_diurnal"] * (0.8 + 0.4 * (season + 1) / 2) * (0.6 + 0.6 * clearness)
        diurnal = math.cos(2 * math.pi * (local_hour - 15.0) / 24.0)
        weather_noise = 0.985 * weather_noise + rng.gauss(0, 0.45)
        dry_bulb = params["t_mean"] + params["t_season"] * season + diurnal_amp * diurnal + weather_noise

        # Relative humidity: high at night, low in the afternoon; seasonal offset.
        rh_noise = 0.97 * rh_noise + rng.gauss(0, 1.5)
        rh = params["rh_mean"] + params["rh_season"] * season - 2.2 * diurnal_amp * diurnal - 0.8 * weather_noise + rh_noise
        rh = min(100.0, max(4.0, rh))
        dew_point = magnus_dew_point(dry_bulb, rh)

        # Solar: elevation-driven, scaled by the day's clearness.
        sin_elev = solar_elevation_sin(params["lat"], doy, local_hour)
        solar = 0.0
        if sin_elev > 0:
            solar = 1.02 * clearness * sin_elev ** 0.9
        solar = min(1.0, max(0.0, solar))

        # Wind: autocorrelated latent state, stronger in winter and at night.
        wind_latent = 0.96 * wind_latent + rng.gauss(0, 0.28)
        wind_x = wind_latent * 1.6 + params["wind_bias"] - 0.4 * season + 0.25 * math.cos(2 * math.pi * (local_hour - 3) / 24.0)
        wind = 1.0 / (1.0 + math.exp(-2.2 * wind_x))
        wind = min(1.0, max(0.0, wind if wind > 0.03 else 0.0))

        # Price: seasonal level (summer and winter peaks), duck curve, evening peak, noise, spikes.
        seasonal = 8.0 * (season ** 2) + 6.0 * max(0.0, season)
        evening = 28.0 * math.exp(-((local_hour - 19.0) / 1.8) ** 2) + 9.0 * math.exp(-((local_hour - 7.5) / 1.5) ** 2)
        night = -6.0 * math.exp(-((local_hour - 3.0) / 2.5) ** 2)
        spring = math.exp(-((doy - 110) / 35.0) ** 2)  # spring: mild load, high solar
        duck = -(30.0 + 32.0 * spring) * solar
        price_noise = 0.8 * price_noise + rng.gauss(0, 3.0)
        price = params["price_base"] + seasonal + evening + night + duck + price_noise
        if rng.random() < 0.002 + 0.004 * max(0.0, season) * (17 <= local.hour <= 21):
            price += rng.uniform(150, 700)  # scarcity spike
        if dry_bulb > params["t_mean"] + params["t_season"] + 8:
            price += 2.5 * (dry_bulb - (params["t_mean"] + params["t_season"] + 8)) ** 2

        # Carbon: fossil share falls with solar and wind.
        carbon = params["carbon_base"] - 170.0 * solar - 110.0 * wind + 25.0 * math.exp(-((local_hour - 19.0) / 2.5) ** 2)
        carbon += rng.gauss(0, 8.0)
        carbon = max(40.0, carbon)
        carbon_free = min(1.0, max(0.0, 1.0 - carbon / 720.0 + rng.gauss(0, 0.01)))

        # Inference demand (example fleet, 198 MW IT): US daytime peak (~14:00 local), weekend dip.
        growth = 1.0 + 0.25 * hour / hours
        weekday = local.weekday()
        weekend = 0.85 if weekday >= 5 else 1.0
        daily = 0.72 + 0.28 * math.cos(2 * math.pi * (local_hour - 14.0) / 24.0)
        inference = 72.0 * growth * weekend * daily * (1 + rng.gauss(0, 0.03))
        inference = max(10.0, inference)

        rows.append((t_utc.strftime("%Y-%m-%dT%H:%M:%SZ"), dry_bulb, rh, dew_point, solar, wind, price,
                     carbon, carbon_free, inference))
    return rows


def write(rows, path):
    header = ("timestamp_utc,dry_bulb_c,relative_humidity_percent,dew_point_c,solar_cf,wind_cf,"
              "price_usd_per_mwh,carbon_intensity_g_per_kwh,carbon_free_share,inference_mw\n")
    with open(path, "w", newline="\n") as handle:
        handle.write(header)
        for (stamp, dry, rh, dew, solar, wind, price, carbon, cfe, inference) in rows:
            handle.write(f"{stamp},{dry:.2f},{rh:.1f},{dew:.2f},{solar:.4f},{wind:.4f},{price:.2f},"
                         f"{carbon:.1f},{cfe:.4f},{inference:.2f}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    default_out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "series")
    parser.add_argument("--out", default=default_out, help="output folder (default data/series)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for index, (climate, params) in enumerate(CLIMATES.items()):
        rng = random.Random(args.seed * 100 + index)
        rows = generate(climate, params, rng)
        path = os.path.join(args.out, f"{climate}-{YEAR}.csv")
        write(rows, path)
        print(f"wrote {os.path.normpath(path)} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
