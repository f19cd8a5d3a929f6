/**
 * Handlers de Salón Brisa: datos en memoria (precios, qué profesional trabaja en qué local, dos
 * citas que existen al empezar cada conversación). Las citas nuevas, cambios y anulaciones de
 * cada conversación se guardan en ctx.data, así las referencias se repiten igual en cada prueba.
 */
import { defineHandlers, UserFacingError } from "soni";

interface Cita {
  servicio: string;
  local: string;
  fecha: string;
  hora: string;
  profesional: string;
  anulada?: boolean;
}

const PRECIOS: Record<string, { precio: number; minutos: number }> = {
  corte_mujer: { precio: 28, minutos: 45 },
  corte_hombre: { precio: 16, minutos: 30 },
  tinte: { precio: 42, minutos: 90 },
  mechas: { precio: 75, minutos: 120 },
  peinado: { precio: 22, minutos: 40 },
  manicura: { precio: 18, minutos: 40 },
  pedicura: { precio: 25, minutos: 50 },
  depilacion: { precio: 20, minutos: 30 },
  limpieza_facial: { precio: 45, minutos: 60 },
  masaje: { precio: 50, minutos: 60 },
};

/** Quién trabaja en cada local. */
const EQUIPO: Record<string, string[]> = {
  centro: ["lucia", "marcos"],
  chamberi: ["lucia", "carmen"],
  salamanca: ["carmen", "javi"],
  pozuelo: ["javi", "marcos"],
};
const NOMBRES: Record<string, string> = {
  lucia: "Lucía",
  marcos: "Marcos",
  carmen: "Carmen",
  javi: "Javi",
};
const LOCALES: Record<string, string> = {
  centro: "Centro",
  chamberi: "Chamberí",
  salamanca: "Salamanca",
  pozuelo: "Pozuelo",
};
/** Pozuelo no tiene cabina de estética. */
const SIN_CABINA = new Set(["pozuelo"]);
const ESTETICA = new Set(["limpieza_facial", "masaje", "depilacion"]);

const CITAS_INICIALES: Record<string, Cita> = {
  "PL-1001": {
    servicio: "corte_mujer",
    local: "centro",
    fecha: "2027-04-23",
    hora: "10:30",
    profesional: "lucia",
  },
  "PL-1002": {
    servicio: "manicura",
    local: "salamanca",
    fecha: "2027-04-26",
    hora: "17:00",
    profesional: "carmen",
  },
};

function citas(data: Record<string, unknown>): Record<string, Cita> {
  data.citas ??= structuredClone(CITAS_INICIALES);
  return data.citas as Record<string, Cita>;
}

function siguiente(data: Record<string, unknown>, clave: string, desde: number): number {
  const n = typeof data[clave] === "number" ? (data[clave] as number) : desde;
  data[clave] = n + 1;
  return n;
}

/** `ahora`: el reloj de la conversación (ctx.now), para que las pruebas con fecha fija no cambien. */
function comprobarDiaYHora(fecha: string, hora: string, ahora: Date): void {
  const dia = new Date(`${fecha}T12:00:00Z`);
  const hoy = new Date(ahora.getTime());
  hoy.setUTCHours(0, 0, 0, 0);
  if (dia.getTime() < hoy.getTime())
    throw new UserFacingError("Esa fecha ya ha pasado. Dime otro día.");
  if (dia.getUTCDay() === 0)
    throw new UserFacingError("Los domingos estamos cerrados. Prueba otro día.");
  const [h, m] = hora.split(":").map(Number);
  const minutos = (h ?? 0) * 60 + (m ?? 0);
  if (minutos < 600 || minutos > 19 * 60 + 30)
    throw new UserFacingError(
      "A esa hora no damos citas: la última es a las 19:30 y abrimos a las 10:00.",
    );
}

/** "5", "a las 5 y media", "17:30", "5 de la tarde", "12h" -> "HH:MM" (tardes: 1-8 son p. m.). */
function leerHora(texto: string): string | null {
  const t = texto
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  const m = t.match(/(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?/);
  if (!m) return null;
  let h = Number(m[1]);
  let min = m[2] ? Number(m[2]) : 0;
  if (!m[2]) {
    if (/y media/.test(t)) min = 30;
    else if (/y cuarto/.test(t)) min = 15;
    else if (/menos cuarto/.test(t)) {
      h -= 1;
      min = 45;
    }
  }
  if (h >= 1 && h <= 8 && !/manana/.test(t)) h += 12;
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

export default defineHandlers({
  actions: {
    reservar_cita: ({ servicio, sede, fecha_cita, hora_cita, profesional }, ctx) => {
      const s = String(servicio);
      const l = String(sede);
      comprobarDiaYHora(String(fecha_cita), String(hora_cita), ctx.now);
      if (SIN_CABINA.has(l) && ESTETICA.has(s))
        throw new UserFacingError(
          "En Pozuelo no tenemos cabina de estética. Te puedo dar cita en Centro, Chamberí o Salamanca.",
        );
      const equipo = EQUIPO[l] ?? [];
      let quien = profesional ? String(profesional) : (equipo[0] ?? "lucia");
      if (profesional && !equipo.includes(quien))
        throw new UserFacingError(
          `${NOMBRES[quien] ?? quien} no trabaja en ${LOCALES[l] ?? l}. Allí están ${equipo.map((p) => NOMBRES[p]).join(" y ")}.`,
        );
      const todas = citas(ctx.data);
      const ocupada = Object.values(todas).some(
        (c) =>
          !c.anulada &&
          c.fecha === fecha_cita &&
          c.hora === hora_cita &&
          c.local === l &&
          c.profesional === quien,
      );
      if (ocupada) {
        const libre = equipo.find((p) => p !== quien);
        if (profesional || !libre)
          throw new UserFacingError(
            `${NOMBRES[quien]} ya tiene cita a esa hora. ¿Te viene bien otra hora?`,
          );
        quien = libre;
      }
      const referencia = `PL-${siguiente(ctx.data, "siguienteCita", 2001)}`;
      todas[referencia] = {
        servicio: s,
        local: l,
        fecha: String(fecha_cita),
        hora: String(hora_cita),
        profesional: quien,
      };
      return {
        nueva_referencia: referencia,
        profesional_asignado: NOMBRES[quien],
        precio_servicio: PRECIOS[s]?.precio ?? 0,
      };
    },
    buscar_cita: ({ referencia }, ctx) => {
      const cita = citas(ctx.data)[String(referencia)];
      if (!cita || cita.anulada)
        throw new UserFacingError(`No encuentro ninguna cita con el código ${referencia}.`);
      return { servicio: cita.servicio, sede: cita.local };
    },
    cambiar_cita: ({ referencia, fecha_cita, hora_cita }, ctx) => {
      const cita = citas(ctx.data)[String(referencia)];
      if (!cita || cita.anulada)
        throw new UserFacingError(`No encuentro ninguna cita con el código ${referencia}.`);
      comprobarDiaYHora(String(fecha_cita), String(hora_cita), ctx.now);
      cita.fecha = String(fecha_cita);
      cita.hora = String(hora_cita);
      return { profesional_asignado: NOMBRES[cita.profesional] };
    },
    anular_cita: ({ referencia }, ctx) => {
      const cita = citas(ctx.data)[String(referencia)];
      if (!cita)
        throw new UserFacingError(`No encuentro ninguna cita con el código ${referencia}.`);
      if (cita.anulada) throw new UserFacingError(`La cita ${referencia} ya estaba anulada.`);
      const hoy = ctx.now.toISOString().slice(0, 10);
      if (cita.fecha === hoy)
        throw new UserFacingError(
          "Las citas de hoy no se pueden anular por aquí; llámanos al 910 000 123, por favor.",
        );
      cita.anulada = true;
      return {};
    },
    consultar_precio: ({ servicio }) => {
      const p = PRECIOS[String(servicio)];
      if (!p) throw new UserFacingError("Ese servicio no lo tenemos.");
      return { precio_servicio: p.precio, duracion: p.minutos };
    },
    comprar_regalo: ({ tipo_regalo, servicios_bono, importe_regalo }, ctx) => {
      if (tipo_regalo === "tarjeta_regalo") {
        const euros = Number(importe_regalo);
        if (!(euros >= 20 && euros <= 300))
          throw new UserFacingError("Las tarjetas regalo van de 20 a 300 euros.");
        return {
          codigo_regalo: `TR-${siguiente(ctx.data, "siguienteRegalo", 501)}`,
          total_compra: euros,
        };
      }
      const lista = Array.isArray(servicios_bono) ? servicios_bono : [];
      if (lista.length === 0)
        throw new UserFacingError("El bono tiene que incluir al menos un servicio.");
      // Un bono son 5 sesiones de cada servicio elegido con un 15 % de descuento.
      const total = lista.reduce((suma, s) => suma + (PRECIOS[s]?.precio ?? 0) * 5, 0) * 0.85;
      return {
        codigo_regalo: `BN-${siguiente(ctx.data, "siguienteRegalo", 501)}`,
        total_compra: Math.round(total * 100) / 100,
      };
    },
    registrar_opinion: ({ tipo_opinion }, ctx) => {
      const n = siguiente(ctx.data, "siguienteCaso", 301);
      return { numero_caso: tipo_opinion === "queja" ? `Q-${n}` : `R-${n}` };
    },
  },
  validators: {
    hora_cita: (value) => typeof value === "string" && /^\d{2}:\d{2}$/.test(value),
    puntuacion: (value) =>
      Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 5,
  },
  normalizers: {
    // The code may be typed in lower case ("pl-1001"); our records keep it in capitals.
    referencia: (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
    hora_cita: (value) => (typeof value === "string" ? (leerHora(value) ?? value) : value),
  },
});
