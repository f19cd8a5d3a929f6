/**
 * Handlers de Autobuses Ruta Norte: datos en memoria (rutas con su precio y sus horarios, tres
 * reservas que existen al empezar cada conversación, el estado de los autobuses de hoy). Las
 * compras, cambios y anulaciones de cada conversación se guardan en ctx.data, así los
 * localizadores nuevos salen siempre iguales en las pruebas.
 */
import { defineHandlers, UserFacingError } from "soni";

interface Reserva {
  origen: string;
  destino: string;
  fecha: string;
  viajeros: number;
  extras: string[];
  importe: number;
  anulada?: boolean;
}

const NOMBRES: Record<string, string> = {
  madrid: "Madrid",
  barcelona: "Barcelona",
  valencia: "Valencia",
  sevilla: "Sevilla",
  zaragoza: "Zaragoza",
  bilbao: "Bilbao",
  malaga: "Málaga",
  granada: "Granada",
  salamanca: "Salamanca",
  alicante: "Alicante",
};

/** Precio por viajero de cada ruta (en los dos sentidos) y hora de la primera salida. */
const RUTAS: Record<string, { precio: number; salida: string }> = {
  "madrid-barcelona": { precio: 32, salida: "08:00" },
  "madrid-valencia": { precio: 24, salida: "07:30" },
  "madrid-sevilla": { precio: 29, salida: "09:00" },
  "madrid-zaragoza": { precio: 18, salida: "08:30" },
  "madrid-bilbao": { precio: 27, salida: "10:00" },
  "madrid-malaga": { precio: 30, salida: "08:15" },
  "madrid-granada": { precio: 26, salida: "09:30" },
  "madrid-salamanca": { precio: 15, salida: "07:00" },
  "madrid-alicante": { precio: 25, salida: "11:00" },
  "barcelona-valencia": { precio: 22, salida: "09:45" },
  "barcelona-zaragoza": { precio: 17, salida: "08:45" },
  "barcelona-bilbao": { precio: 33, salida: "07:15" },
  "valencia-alicante": { precio: 12, salida: "10:30" },
  "sevilla-malaga": { precio: 14, salida: "08:00" },
  "sevilla-granada": { precio: 16, salida: "09:15" },
  "malaga-granada": { precio: 10, salida: "12:00" },
  "zaragoza-bilbao": { precio: 19, salida: "13:00" },
};

const PRECIO_EXTRA: Record<string, number> = {
  maleta_extra: 6,
  mascota: 9,
  bicicleta: 10,
  asiento_preferente: 4,
};

/** Retraso de hoy en minutos, por ruta (lo que no está aquí sale a su hora). */
const RETRASOS: Record<string, { minutos: number; motivo: string }> = {
  "madrid-valencia": { minutos: 25, motivo: "tráfico en la A-3" },
  "barcelona-zaragoza": { minutos: 40, motivo: "una avería ya resuelta" },
  "sevilla-malaga": { minutos: 10, motivo: "obras en la autovía" },
};

const RESERVAS_INICIALES: Record<string, Reserva> = {
  "BUS-4K7P2Q": {
    origen: "madrid",
    destino: "valencia",
    fecha: "2027-03-19",
    viajeros: 2,
    extras: ["maleta_extra"],
    importe: 54,
  },
  "BUS-9TX3LM": {
    origen: "sevilla",
    destino: "granada",
    fecha: "2027-03-14",
    viajeros: 1,
    extras: [],
    importe: 16,
  },
  "BUS-2B8R5N": {
    origen: "barcelona",
    destino: "bilbao",
    fecha: "2027-03-08",
    viajeros: 1,
    extras: ["bicicleta"],
    importe: 43,
  },
};

function ruta(origen: string, destino: string) {
  return RUTAS[`${origen}-${destino}`] ?? RUTAS[`${destino}-${origen}`];
}

function clave(origen: string, destino: string): string {
  return RUTAS[`${origen}-${destino}`] ? `${origen}-${destino}` : `${destino}-${origen}`;
}

function reservas(data: Record<string, unknown>): Record<string, Reserva> {
  data.reservas ??= structuredClone(RESERVAS_INICIALES);
  return data.reservas as Record<string, Reserva>;
}

const LETRAS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Localizadores nuevos: deterministas dentro de la conversación (BUS-A00001, BUS-A00002, ...). */
function nuevoLocalizador(data: Record<string, unknown>): string {
  const n = ((data.siguiente as number | undefined) ?? 0) + 1;
  data.siguiente = n;
  let resto = n;
  let codigo = "";
  for (let i = 0; i < 5; i++) {
    codigo = LETRAS[resto % LETRAS.length] + codigo;
    resto = Math.floor(resto / LETRAS.length);
  }
  return `BUS-R${codigo}`;
}

function hoy(): string {
  return new Date().toISOString().slice(0, 10);
}

function buscar(data: Record<string, unknown>, localizador: unknown): Reserva {
  const reserva = reservas(data)[String(localizador ?? "")];
  if (!reserva)
    throw new UserFacingError(`No encuentro ninguna reserva con el localizador ${localizador}.`);
  if (reserva.anulada) throw new UserFacingError(`La reserva ${localizador} ya está anulada.`);
  return reserva;
}

export default defineHandlers({
  actions: {
    comprar_billetes: (
      { ciudad_origen, ciudad_destino, fecha_viaje, viajeros, extras_viaje },
      ctx,
    ) => {
      const origen = String(ciudad_origen);
      const destino = String(ciudad_destino);
      if (origen === destino)
        throw new UserFacingError("La ciudad de salida y la de destino son la misma.");
      const datos = ruta(origen, destino);
      if (!datos) {
        throw new UserFacingError(
          `No tenemos línea directa entre ${NOMBRES[origen]} y ${NOMBRES[destino]}. Prueba con un transbordo en Madrid.`,
        );
      }
      const fecha = String(fecha_viaje);
      if (fecha < hoy()) throw new UserFacingError("Esa fecha ya ha pasado.");
      const extras = Array.isArray(extras_viaje) ? extras_viaje.map(String) : [];
      const personas = Number(viajeros);
      if (extras.includes("bicicleta") && personas > 2) {
        throw new UserFacingError("Cada autobús lleva como mucho dos bicicletas.");
      }
      const importe =
        datos.precio * personas +
        extras.reduce((suma, extra) => suma + (PRECIO_EXTRA[extra] ?? 0), 0);
      const localizador = nuevoLocalizador(ctx.data);
      reservas(ctx.data)[localizador] = {
        origen,
        destino,
        fecha,
        viajeros: personas,
        extras,
        importe,
      };
      return { nuevo_localizador: localizador, importe_compra: importe };
    },
    buscar_reserva: ({ localizador }, ctx) => {
      const reserva = buscar(ctx.data, localizador);
      return {
        ciudad_origen: reserva.origen,
        ciudad_destino: reserva.destino,
        fecha_viaje: reserva.fecha,
        viajeros: reserva.viajeros,
      };
    },
    cambiar_fecha_reserva: ({ localizador, nueva_fecha_viaje }, ctx) => {
      const reserva = buscar(ctx.data, localizador);
      if (reserva.fecha < hoy())
        throw new UserFacingError("Ese viaje ya se hizo; no se puede cambiar.");
      const fecha = String(nueva_fecha_viaje);
      if (fecha < hoy())
        throw new UserFacingError("No puedo pasar el viaje a una fecha que ya ha pasado.");
      if (fecha === reserva.fecha) throw new UserFacingError("Tu viaje ya es ese día.");
      reserva.fecha = fecha;
      return { hora_salida: ruta(reserva.origen, reserva.destino)?.salida ?? "08:00" };
    },
    anular_reserva: ({ localizador }, ctx) => {
      const reserva = buscar(ctx.data, localizador);
      if (reserva.fecha < hoy())
        throw new UserFacingError("Ese viaje ya se hizo; no se puede anular.");
      reserva.anulada = true;
      // Se devuelve todo hasta 48 horas antes; después, el 50 %.
      const dias = (Date.parse(`${reserva.fecha}T12:00:00Z`) - Date.now()) / 86_400_000;
      return { importe_devuelto: dias >= 2 ? reserva.importe : reserva.importe / 2 };
    },
    consultar_estado: ({ ciudad_origen, ciudad_destino }) => {
      const origen = String(ciudad_origen);
      const destino = String(ciudad_destino);
      const datos = ruta(origen, destino);
      if (origen === destino || !datos) {
        throw new UserFacingError(
          `Hoy no sale ningún autobús de ${NOMBRES[origen]} a ${NOMBRES[destino]}.`,
        );
      }
      const retraso = RETRASOS[clave(origen, destino)];
      return {
        hora_salida: datos.salida,
        retraso_minutos: retraso?.minutos ?? 0,
        anden: (datos.precio % 12) + 1,
        estado_servicio: retraso?.motivo ?? "en hora",
      };
    },
    registrar_perdida: ({ localizador }, ctx) => {
      buscar(ctx.data, localizador);
      const n = ((ctx.data.expedientes as number | undefined) ?? 0) + 1;
      ctx.data.expedientes = n;
      return { numero_expediente: `EP-${String(700 + n)}` };
    },
  },
  validators: {
    viajeros: (value) => {
      const n = Number(value);
      return Number.isInteger(n) && n >= 1 && n <= 9;
    },
  },
  normalizers: {
    localizador: (value) =>
      String(value)
        .trim()
        .toUpperCase()
        .replace(/\s+/g, "")
        .replace(/^BUS(?!-)/, "BUS-"),
  },
});
