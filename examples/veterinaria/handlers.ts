/**
 * Handlers de la Clínica Veterinaria Los Almendros: datos en memoria (tres citas y dos fichas de
 * clientes que existen al empezar cada conversación, los precios de la tienda y de los
 * servicios). Las citas y pedidos nuevos de cada conversación se guardan en ctx.data, así los
 * códigos nuevos salen siempre iguales en las pruebas.
 */
import { defineHandlers, UserFacingError } from "soni";

interface Cita {
  mascota: string;
  tipo: string;
  fecha: string;
  hora: string;
  anulada?: boolean;
}

interface Vacuna {
  nombre: string;
  fecha: string;
}

const CITAS_INICIALES: Record<string, Cita> = {
  "VET-1001": { mascota: "Toby", tipo: "vacunacion", fecha: "2027-03-10", hora: "10:30" },
  "VET-1002": { mascota: "Luna", tipo: "revision", fecha: "2027-03-12", hora: "17:00" },
  "VET-1003": { mascota: "Coco", tipo: "peluqueria", fecha: "2027-02-20", hora: "11:00" },
};

/** Fichas: teléfono del dueño -> mascotas con las vacunas que les tocan. */
const FICHAS: Record<string, Record<string, Vacuna[]>> = {
  "612345678": {
    toby: [
      { nombre: "la rabia", fecha: "2027-03-15" },
      { nombre: "la polivalente", fecha: "2027-06-01" },
    ],
    misha: [],
  },
  "699112233": {
    luna: [{ nombre: "la trivalente felina", fecha: "2027-04-02" }],
    coco: [{ nombre: "la mixomatosis", fecha: "2027-02-25" }],
  },
};

const PRECIO_PRODUCTO: Record<string, number> = {
  pienso_perro: 42,
  pienso_gato: 35,
  dieta_veterinaria: 58,
  pipetas: 24,
  collar_antiparasitario: 29,
  desparasitante: 12,
  medicacion: 18,
};

const PRECIO_SERVICIO: Record<string, string> = {
  consulta: "35 €",
  vacuna: "de 30 a 45 € según la vacuna",
  esterilizacion: "desde 120 € en gatos y desde 180 € en perros",
  peluqueria: "desde 25 €, según el tamaño y el pelo",
  analitica: "60 €",
  microchip: "40 €, con el alta en el registro",
};

const HORAS: Record<string, string[]> = {
  turno_manana: ["09:30", "10:30", "11:30", "12:30"],
  turno_tarde: ["16:30", "17:30", "18:30", "19:30"],
};

const MESES = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

function citas(data: Record<string, unknown>): Record<string, Cita> {
  data.citas ??= structuredClone(CITAS_INICIALES);
  return data.citas as Record<string, Cita>;
}

function contador(data: Record<string, unknown>, clave: string): number {
  const n = ((data[clave] as number | undefined) ?? 0) + 1;
  data[clave] = n;
  return n;
}

function hoy(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Los domingos la clínica cierra (solo urgencias). */
function esDomingo(fecha: string): boolean {
  return new Date(`${fecha}T12:00:00Z`).getUTCDay() === 0;
}

function diaYMes(fecha: string): string {
  const [, mes, dia] = fecha.split("-").map(Number);
  return `${dia} de ${MESES[(mes ?? 1) - 1]}`;
}

function buscar(data: Record<string, unknown>, codigo: unknown): Cita {
  const cita = citas(data)[String(codigo ?? "")];
  if (!cita) throw new UserFacingError(`No encuentro ninguna cita con el código ${codigo}.`);
  if (cita.anulada) throw new UserFacingError(`La cita ${codigo} ya está anulada.`);
  return cita;
}

function comprobarFecha(fecha: string, now: Date): void {
  if (fecha < hoy(now)) throw new UserFacingError("Ese día ya ha pasado.");
  if (esDomingo(fecha))
    throw new UserFacingError("Los domingos solo atendemos urgencias, en el 910 555 112.");
}

export default defineHandlers({
  actions: {
    reservar_cita: ({ nombre_mascota, tipo_consulta, fecha_cita, franja_horaria }, ctx) => {
      const fecha = String(fecha_cita);
      comprobarFecha(fecha, ctx.now);
      const huecos = HORAS[String(franja_horaria)] ?? HORAS.turno_manana ?? [];
      const n = contador(ctx.data, "citas_nuevas");
      const hora = huecos[n % huecos.length] ?? "10:30";
      const codigo = `VET-${2000 + n}`;
      citas(ctx.data)[codigo] = {
        mascota: String(nombre_mascota),
        tipo: String(tipo_consulta),
        fecha,
        hora,
      };
      return { nuevo_codigo_cita: codigo, hora_cita: hora };
    },
    buscar_cita: ({ codigo_cita }, ctx) => {
      const cita = buscar(ctx.data, codigo_cita);
      return {
        nombre_mascota: cita.mascota,
        tipo_consulta: cita.tipo,
        fecha_cita: cita.fecha,
        hora_cita: cita.hora,
      };
    },
    cambiar_cita: ({ codigo_cita, nueva_fecha_cita }, ctx) => {
      const cita = buscar(ctx.data, codigo_cita);
      if (cita.fecha < hoy(ctx.now)) throw new UserFacingError("Esa cita ya pasó; pide una nueva.");
      const fecha = String(nueva_fecha_cita);
      comprobarFecha(fecha, ctx.now);
      if (fecha === cita.fecha) throw new UserFacingError("La cita ya es ese día.");
      cita.fecha = fecha;
      return { hora_cita: cita.hora };
    },
    anular_cita: ({ codigo_cita }, ctx) => {
      const cita = buscar(ctx.data, codigo_cita);
      if (cita.fecha < hoy(ctx.now)) throw new UserFacingError("Esa cita ya pasó.");
      cita.anulada = true;
      return {};
    },
    consultar_vacunas: ({ telefono_cliente, nombre_mascota }) => {
      const ficha = FICHAS[String(telefono_cliente)];
      if (!ficha)
        throw new UserFacingError(
          "No encuentro ninguna ficha con ese teléfono. ¿Es el que nos diste?",
        );
      const nombre = String(nombre_mascota ?? "").toLowerCase();
      const vacunas = ficha[nombre];
      if (!vacunas) {
        const nombres = Object.keys(ficha).map((m) => m[0]?.toUpperCase() + m.slice(1));
        throw new UserFacingError(`En esa ficha tengo a ${nombres.join(" y ")}.`);
      }
      if (vacunas.length === 0) return { vacunas_pendientes: "está al día, no le toca ninguna." };
      const lista = vacunas.map((v) => `${v.nombre} el ${diaYMes(v.fecha)}`).join(" y ");
      return { vacunas_pendientes: `le toca ${lista}.` };
    },
    hacer_pedido: ({ productos, forma_entrega }, ctx) => {
      const lista = Array.isArray(productos) ? productos.map(String) : [];
      if (lista.length === 0) throw new UserFacingError("No me has dicho qué quieres encargar.");
      const envio = forma_entrega === "envio" ? 4.95 : 0;
      const importe = lista.reduce((suma, p) => suma + (PRECIO_PRODUCTO[p] ?? 0), envio);
      return {
        numero_pedido: `PED-${500 + contador(ctx.data, "pedidos")}`,
        importe_pedido: importe,
      };
    },
    consultar_precio: ({ servicio_precio }) => ({
      precio_servicio: PRECIO_SERVICIO[String(servicio_precio)] ?? "pregúntanos en recepción",
    }),
  },
  validators: {
    telefono: (value) => /^[6789]\d{8}$/.test(String(value)),
  },
  normalizers: {
    codigo_cita: (value) =>
      String(value)
        .trim()
        .toUpperCase()
        .replace(/\s+/g, "")
        .replace(/^VET(?!-)/, "VET-"),
  },
});
