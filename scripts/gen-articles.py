#!/usr/bin/env python3
"""Writes N distinct made-up articles as JSONL (url, outlet, published, title, text) to stdout:
the batch the store's crash test and the load test use. Deterministic for a given N."""
import json
import random
import sys

PLACES = ["Vell", "Brenholm", "Ostra", "Kelmar", "Dunmore", "Arvik", "Tessaly", "Corran",
          "Lindqvist", "Marrow", "Haldane", "Quorra"]
EVENTS = ["a warehouse fire", "a bridge closure", "a water main burst", "a ferry strike",
          "a power outage", "a landslide", "a chemical leak", "a train derailment",
          "a budget vote", "a port blockade"]
PEOPLE = ["Mayor Ana Ruiz", "Chief Ragna Thorsby", "Minister Olav Brekke", "Director Lena Hart",
          "Inspector Tomas Vey", "Councillor Ida Moen", "Governor Pal Sund", "Judge Mira Oles"]

def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(7)
    for i in range(count):
        token = f"marker{i:05d}"
        place, event, person = rng.choice(PLACES), rng.choice(EVENTS), rng.choice(PEOPLE)
        text = (f"{place} was hit by {event} on Monday, officials said. At least {rng.randint(2, 41)} "
                f"people were hurt in case {token}. \"We are doing everything we can,\" {person} told "
                f"reporters.\nResidents near sector {i} were told to stay indoors while crews "
                f"inspected the site.")
        print(json.dumps({"url": f"https://wire.example/{i}", "outlet": f"Outlet {i % 17}",
                          "published": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00Z",
                          "title": f"{event} in {place} ({token})", "text": text}))

if __name__ == "__main__":
    main()
