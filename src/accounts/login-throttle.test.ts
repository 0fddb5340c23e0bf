import { describe, expect, it } from "vitest";
import { LoginThrottle, LoginThrottles } from "./login-throttle.ts";

describe("login throttle", () => {
  it("allows three failures, then makes each further try wait twice as long", () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(3, () => now);
    const keys = ["account:a@malmo.example", "address:10.0.0.1"];
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitSeconds(keys)).toBe(0);
      throttle.failed(keys);
    }
    expect(throttle.waitSeconds(keys)).toBe(2);
    now += 2000;
    expect(throttle.waitSeconds(keys)).toBe(0);
    throttle.failed(keys);
    expect(throttle.waitSeconds(keys)).toBe(4);
    // Another address trying the same account waits too.
    expect(throttle.waitSeconds(["account:a@malmo.example", "address:10.0.0.2"])).toBe(4);
    expect(throttle.waitSeconds(["account:b@malmo.example", "address:10.0.0.2"])).toBe(0);
  });

  it("forgets failures after a success and after an hour", () => {
    let now = 0;
    const throttle = new LoginThrottle(3, () => now);
    for (let i = 0; i < 5; i++) throttle.failed(["k"]);
    expect(throttle.waitSeconds(["k"])).toBeGreaterThan(0);
    throttle.succeeded(["k"]);
    expect(throttle.waitSeconds(["k"])).toBe(0);
    for (let i = 0; i < 5; i++) throttle.failed(["k"]);
    now += 61 * 60 * 1000;
    expect(throttle.waitSeconds(["k"])).toBe(0);
  });

  it("never makes anyone wait more than 15 minutes", () => {
    const throttle = new LoginThrottle(3, () => 0);
    for (let i = 0; i < 40; i++) throttle.failed(["k"]);
    expect(throttle.waitSeconds(["k"])).toBe(900);
  });
});

describe("login throttles per account and per address", () => {
  it("lets many people behind one address fail a few times each before the address waits", () => {
    const throttles = new LoginThrottles(() => 0);
    for (let person = 0; person < 6; person++) {
      for (let i = 0; i < 3; i++) throttles.failed(`p${person}@malmo.example`, "10.0.0.1");
    }
    // 18 failures from the address: still free for a seventh person, but each account that failed three times waits.
    expect(throttles.waitSeconds("p6@malmo.example", "10.0.0.1")).toBe(0);
    expect(throttles.waitSeconds("p0@malmo.example", "10.0.0.2")).toBe(2);
    throttles.failed("p6@malmo.example", "10.0.0.1");
    throttles.failed("p6@malmo.example", "10.0.0.1");
    expect(throttles.waitSeconds("p7@malmo.example", "10.0.0.1")).toBe(2);
  });
});
