/**
 * Handlers of the pizza shop example: a plain module (no framework import). Every
 * conversation starts with the same three orders (1001 delivered, 1002 on its way, 1003 in
 * the oven); new orders are numbered from 1004 on, per conversation, so runs are repeatable.
 */

type Value = string | number | boolean | null | string[] | undefined;
interface Ctx {
  conversationId: string;
}
interface Order {
  status: "in the oven" | "on its way" | "delivered" | "cancelled";
  eta: number;
}

const shops = new Map<string, { orders: Map<string, Order>; next: number; tables: number }>();

function shopOf(ctx: Ctx) {
  let shop = shops.get(ctx.conversationId);
  if (!shop) {
    shop = {
      orders: new Map<string, Order>([
        ["1001", { status: "delivered", eta: 0 }],
        ["1002", { status: "on its way", eta: 10 }],
        ["1003", { status: "in the oven", eta: 25 }],
      ]),
      next: 1004,
      tables: 0,
    };
    shops.set(ctx.conversationId, shop);
  }
  return shop;
}

/** A thrown error whose `userMessage` the assistant says instead of its generic error. */
function refuse(userMessage: string): Error {
  return Object.assign(new Error(userMessage), { userMessage });
}

const digitsOf = (value: Value) => String(value ?? "").replace(/\D/g, "");

export const actions = {
  place_order(inputs: Record<string, Value>, ctx: Ctx) {
    const shop = shopOf(ctx);
    const number = String(shop.next++);
    const eta = inputs.size === "large" ? 35 : 30;
    shop.orders.set(number, { status: "in the oven", eta });
    return { order_number: number, eta_minutes: eta };
  },
  get_order_status(inputs: Record<string, Value>, ctx: Ctx) {
    const order = shopOf(ctx).orders.get(digitsOf(inputs.order_number));
    if (!order) throw refuse("I can't find that order.");
    const status =
      order.status === "delivered" || order.status === "cancelled"
        ? order.status
        : `${order.status}, with you in about ${order.eta} minutes`;
    return { order_status: status, eta_minutes: order.eta };
  },
  cancel_order(inputs: Record<string, Value>, ctx: Ctx) {
    const order = shopOf(ctx).orders.get(digitsOf(inputs.order_number));
    if (!order) throw refuse("I can't find that order.");
    if (order.status !== "in the oven") {
      throw refuse(`That order is ${order.status}, so it can no longer be cancelled.`);
    }
    order.status = "cancelled";
  },
  book_table(_inputs: Record<string, Value>, ctx: Ctx) {
    const shop = shopOf(ctx);
    shop.tables += 1;
    return { table_reference: `T-${String(shop.tables).padStart(3, "0")}` };
  },
};

export const validators = {
  known_order: (value: Value, ctx: Ctx) => shopOf(ctx).orders.has(digitsOf(value)),
  party_size: (value: Value) => typeof value === "number" && value >= 1 && value <= 12,
};
