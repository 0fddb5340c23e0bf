// Moving rows within their list and archiving them, on the real database: siblings are renumbered, the ends refuse
// to move further, archived rows leave the order, and a transaction that fails leaves the order as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../src/db/client.ts";
import { moveInOrder, nextPosition, setArchived } from "../../src/commands/support/order.ts";
import { openTestDatabase } from "../support/db.ts";

let database: Database;
let planId: string;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  planId = (await queryRows<{ id: string }>(database.db, sql`select id from plan where slug = 'fri-fran-vald'`))[0]!.id;
});
afterAll(async () => {
  await database?.close();
});

const goalOrder = async () =>
  (await queryRows<{ number: string }>(database.db, sql`select number from goal where plan_id = ${planId} and archived_at is null order by position`)).map((r) => r.number);
const goalId = async (number: string) =>
  (await queryRows<{ id: string }>(database.db, sql`select id from goal where plan_id = ${planId} and number = ${number}`))[0]!.id;
const inTransaction = <T>(work: (t: Db) => Promise<T>) => database.db.transaction((tx) => work(tx as unknown as Db));

describe("moveInOrder", () => {
  it("swaps a goal with its neighbour and renumbers the list", async () => {
    expect(await goalOrder()).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(await inTransaction((t) => moveInOrder(t, "goal", goalId3, "up"))).toBe(true);
    expect(await goalOrder()).toEqual(["1", "3", "2", "4", "5", "6"]);
    const positions = await queryRows<{ position: number }>(database.db, sql`select position from goal where plan_id = ${planId} order by position`);
    expect(positions.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses to move the first up or the last down", async () => {
    // Ids are read before the transaction: the embedded database has one connection, which the transaction holds.
    const [first, last] = [await goalId("1"), await goalId("6")];
    expect(await inTransaction((t) => moveInOrder(t, "goal", first, "up"))).toBe(false);
    expect(await inTransaction((t) => moveInOrder(t, "goal", last, "down"))).toBe(false);
    expect(await goalOrder()).toEqual(["1", "3", "2", "4", "5", "6"]);
  });

  it("leaves the order as it was when the transaction fails", async () => {
    const fifth = await goalId("5");
    await expect(
      inTransaction(async (t) => {
        await moveInOrder(t, "goal", fifth, "down");
        throw new Error("something later in the command failed");
      }),
    ).rejects.toThrow(/later/);
    expect(await goalOrder()).toEqual(["1", "3", "2", "4", "5", "6"]);
  });
});

describe("setArchived and nextPosition", () => {
  it("takes an archived goal out of the order and brings it back", async () => {
    const id = await goalId("4");
    expect(await inTransaction((t) => setArchived(t, "goal", id, true))).toBe(true);
    expect(await inTransaction((t) => setArchived(t, "goal", id, true))).toBe(false);
    expect(await goalOrder()).toEqual(["1", "3", "2", "5", "6"]);
    expect(await inTransaction((t) => setArchived(t, "goal", id, false))).toBe(true);
    expect(await goalOrder()).toEqual(["1", "3", "2", "4", "5", "6"]);
  });

  it("puts a new row after the last one", async () => {
    expect(await inTransaction((t) => nextPosition(t, "goal", planId))).toBe(7);
  });
});

let goalId3 = "";
beforeAll(async () => {
  goalId3 = await goalId("3");
});
