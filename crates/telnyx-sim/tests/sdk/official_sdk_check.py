"""Drives the official Telnyx Python SDK against a running simulator.

Environment: TELNYX_SIM_BASE_URL (the simulator's /v2 URL), TELNYX_SIM_API_KEY, TELNYX_SIM_EXPECTED_NUMBERS.
Exit codes: 0 success, 1 a check failed, 3 the `telnyx` package cannot be imported.
"""
import os
import sys
import time

try:
    import telnyx
except ImportError as exc:  # pragma: no cover - reported by the Rust test
    print(f"cannot import the official Telnyx SDK: {exc}", file=sys.stderr)
    sys.exit(3)


def check(cond, message):
    if not cond:
        print(f"FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def main():
    base_url = os.environ["TELNYX_SIM_BASE_URL"]
    client = telnyx.Telnyx(api_key=os.environ["TELNYX_SIM_API_KEY"], base_url=base_url, max_retries=0)
    expected = int(os.environ["TELNYX_SIM_EXPECTED_NUMBERS"])

    # List every page of numbers with messaging settings.
    seen = [n.phone_number for n in client.phone_numbers.messaging.list(page_size=250)]
    check(len(seen) == expected, f"listed {len(seen)} numbers across all pages, expected {expected}")
    check(len(set(seen)) == expected, "pages overlap")

    profiles = {p.name: p.id for p in client.messaging_profiles.list()}
    support, marketing = profiles.get("Support Line"), profiles.get("Marketing – Spring")
    check(support and marketing, f"demo profiles missing from {sorted(profiles)}")

    number = "+12125550100"
    got = client.phone_numbers.messaging.retrieve(number).data
    check(got.phone_number == number, f"retrieve returned {got.phone_number}")
    check(got.messaging_profile_id == support, f"{number} starts on Support Line, got {got.messaging_profile_id}")
    by_id = client.phone_numbers.messaging.retrieve(got.id).data
    check(by_id.phone_number == number, "retrieve by numeric id")

    # Assign, read back, unassign with "", read back.
    updated = client.phone_numbers.messaging.update(number, messaging_profile_id=marketing).data
    check(updated.messaging_profile_id == marketing, "update response shows the new profile")
    check(client.phone_numbers.messaging.retrieve(number).data.messaging_profile_id == marketing, "assignment reads back")
    client.phone_numbers.messaging.update(number, messaging_profile_id="")
    check(client.phone_numbers.messaging.retrieve(number).data.messaging_profile_id is None, "unassign reads back")
    members = [n.phone_number for n in client.messaging_profiles.list_phone_numbers(support)]
    check(number not in members, "unassigned number left the profile's list")

    # Bulk update: pending first, then success, visible on each number.
    targets = ["+12125550100", "+12125550103"]
    order = client.messaging_numbers_bulk_updates.create(messaging_profile_id=marketing, numbers=targets).data
    check(sorted(order.pending or []) == sorted(targets), f"new bulk order is pending: {order}")
    for _ in range(100):
        status = client.messaging_numbers_bulk_updates.retrieve(order.order_id).data
        if not status.pending:
            break
        time.sleep(0.1)
    check(sorted(status.success or []) == sorted(targets), f"bulk order settled: {status}")
    for t in targets:
        check(client.phone_numbers.messaging.retrieve(t).data.messaging_profile_id == marketing, f"bulk moved {t}")
    print("official SDK check passed:", telnyx.__version__, len(seen), "numbers")


if __name__ == "__main__":
    main()
