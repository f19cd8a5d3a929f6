// Handlers of the garage chain: in-memory appointments and work orders, as a
// workshop system would hold them.
import { defineHandlers, UserFacingError } from "soni";

interface Cita {
  matricula: string;
  servicio: string;
  fecha: string;
  hora: string;
  anulada: boolean;
}

const CITAS: Record<string, Cita> = {
  "CT-10482": {
    matricula: "4821KLM",
    servicio: "revision",
    fecha: "2028-03-20",
    hora: "09:30",
    anulada: false,
  },
  "CT-10517": {
    matricula: "7730HJB",
    servicio: "pre_itv",
    fecha: "2028-03-22",
    hora: "12:00",
    anulada: false,
  },
  "CT-10533": {
    matricula: "1209FRT",
    servicio: "frenos",
    fecha: "2028-03-17",
    hora: "16:00",
    anulada: false,
  },
  "CT-10090": {
    matricula: "5566GGP",
    servicio: "cambio_aceite",
    fecha: "2028-03-01",
    hora: "10:00",
    anulada: true,
  },
};

const ORDENES: Record<string, { situacion: string; entrega: string; importe: number }> = {
  "OT-204518": {
    situacion: "en reparación: esperando la pieza del embrague",
    entrega: "2028-03-18",
    importe: 642.3,
  },
  "OT-204777": {
    situacion: "terminado, listo para recoger",
    entrega: "2028-03-15",
    importe: 189.9,
  },
  "OT-203990": {
    situacion: "en diagnosis: el mecánico está revisando el motor",
    entrega: "2028-03-21",
    importe: 0,
  },
};

const PRECIOS: Record<string, { precio: number; duracion: string }> = {
  revision: { precio: 149, duracion: "unas 2 horas" },
  cambio_aceite: { precio: 69.9, duracion: "unos 45 minutos" },
  pre_itv: { precio: 35, duracion: "unos 30 minutos" },
  frenos: { precio: 119, duracion: "alrededor de 1 hora y media (pastillas delanteras)" },
  diagnosis: { precio: 45, duracion: "unos 40 minutos" },
  aire_acondicionado: { precio: 59, duracion: "alrededor de 1 hora" },
};

const PRECIO_NEUMATICO: Record<string, number> = {
  michelin: 118,
  continental: 109,
  pirelli: 112,
  bridgestone: 104,
  gama_economica: 62,
};
const PRECIO_EXTRA: Record<string, number> = {
  alineacion: 39,
  equilibrado: 20,
  valvulas: 12,
  nitrogeno: 10,
};

const CONSONANTES = /^[0-9]{4}[BCDFGHJKLMNPRSTVWXYZ]{3}$/;

function hoy(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function weekday(iso: string): number {
  return new Date(`${iso}T12:00:00Z`).getUTCDay();
}

function citaExistente(codigo: unknown): Cita {
  const cita = CITAS[String(codigo)];
  if (!cita) {
    throw new UserFacingError(
      `No encuentro ninguna cita con el código ${String(codigo)}. Lo tienes en el SMS de confirmación (CT y cinco números).`,
    );
  }
  if (cita.anulada) throw new UserFacingError(`La cita ${String(codigo)} ya estaba anulada.`);
  return cita;
}

function codigoDesde(key: string, prefix: string, digits: number): string {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) % 10 ** digits;
  return `${prefix}-${String(h).padStart(digits, "0")}`;
}

export default defineHandlers({
  actions: {
    reservar_cita: ({ matricula, tipo_servicio, fecha_cita, hora_cita }, ctx) => {
      const codigo = codigoDesde(ctx.idempotencyKey, "CT", 5);
      ctx.logger.info(
        { codigo, matricula, tipo_servicio, fecha_cita, hora_cita },
        "cita reservada",
      );
      return { codigo_nuevo: codigo };
    },
    cambiar_cita: ({ codigo_cita, fecha_cita, hora_cita }) => {
      const cita = citaExistente(codigo_cita);
      cita.fecha = String(fecha_cita);
      cita.hora = String(hora_cita);
      return {};
    },
    anular_cita: ({ codigo_cita }) => {
      const cita = citaExistente(codigo_cita);
      cita.anulada = true;
      return {};
    },
    solicitar_presupuesto: (_inputs, ctx) => ({
      referencia_presupuesto: codigoDesde(ctx.idempotencyKey, "PR", 5),
    }),
    consultar_reparacion: ({ orden_trabajo }) => {
      const orden = ORDENES[String(orden_trabajo)];
      if (!orden) {
        throw new UserFacingError(
          `No tengo ninguna orden de trabajo ${String(orden_trabajo)}. Comprueba el número en el resguardo que te dimos al dejar el coche.`,
        );
      }
      return {
        situacion_reparacion: orden.situacion,
        entrega_prevista: orden.entrega,
        importe_reparacion: orden.importe,
      };
    },
    solicitar_movilidad: ({ codigo_cita, movilidad_tipo, direccion_recogida }) => {
      citaExistente(codigo_cita);
      if (movilidad_tipo === "recogida_domicilio" && !direccion_recogida) {
        throw new UserFacingError("Necesito la dirección para pasar a recoger el coche.");
      }
      return {};
    },
    reservar_neumaticos: ({ neumatico_marca, num_neumaticos, extras_neumaticos }, ctx) => {
      const unidad = PRECIO_NEUMATICO[String(neumatico_marca)] ?? 0;
      const cuantos = Number(num_neumaticos) || 0;
      const extras = Array.isArray(extras_neumaticos) ? extras_neumaticos : [];
      const total =
        unidad * cuantos + extras.reduce((sum, e) => sum + (PRECIO_EXTRA[String(e)] ?? 0), 0);
      return { codigo_nuevo: codigoDesde(ctx.idempotencyKey, "CT", 5), precio_neumaticos: total };
    },
    consultar_precio: ({ tipo_servicio }) => {
      const tarifa = PRECIOS[String(tipo_servicio)];
      if (!tarifa)
        throw new UserFacingError(
          "De ese servicio no tengo precio cerrado; pide un presupuesto y te lo damos.",
        );
      return { precio_servicio: tarifa.precio, duracion_servicio: tarifa.duracion };
    },
  },
  validators: {
    matricula: (value) =>
      CONSONANTES.test(String(value)) ||
      "La matrícula tiene cuatro números y tres consonantes (sin vocales), como 1234 BCD.",
    telefono_contacto: (value) => /^[6789][0-9]{8}$/.test(String(value).replace(/\D/g, "")),
    fecha_cita: (value, ctx) => {
      const iso = String(value);
      if (iso < hoy(ctx.now)) return "Ese día ya ha pasado. ¿Qué otro día te viene bien?";
      if (weekday(iso) === 0)
        return "Los domingos el taller está cerrado. ¿Te viene bien otro día?";
      return true;
    },
    hora_cita: (value, ctx) => {
      const hhmm = String(value);
      if (!/^\d{2}:\d{2}$/.test(hhmm)) return "Dime una hora, por ejemplo a las 10:30.";
      const fecha = typeof ctx.slots.fecha_cita === "string" ? ctx.slots.fecha_cita : null;
      const sabado = fecha !== null && weekday(fecha) === 6;
      if (sabado && (hhmm < "09:00" || hhmm > "13:30"))
        return "Los sábados abrimos de 9:00 a 14:00. ¿A qué hora entre esas?";
      if (hhmm < "08:00" || hhmm > "18:30")
        return "Abrimos de 8:00 a 19:00; la última cita es a las 18:30. ¿Otra hora?";
      return true;
    },
    num_neumaticos: (value) => {
      const n = Number(value);
      return Number.isInteger(n) && n >= 1 && n <= 4;
    },
  },
  normalizers: {
    matricula: (value) => String(value).replace(/[\s-]/g, "").toUpperCase(),
  },
});
