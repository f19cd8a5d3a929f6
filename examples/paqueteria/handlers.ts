// Handlers of the parcel courier: a small in-memory book of parcels stands in for the
// courier's systems. Refusals are said to the customer as UserFacingError.
import { defineHandlers, UserFacingError } from "soni";

type Estado = "pendiente_recogida" | "en_transito" | "en_reparto" | "entregado";

interface Envio {
  estado: Estado;
  ciudad: string;
  entregado_el?: string;
}

// The parcels the courier knows about. Any other PQ number is not found.
const ENVIOS: Record<string, Envio> = {
  PQ1234567: { estado: "en_transito", ciudad: "Zaragoza" },
  PQ7654321: { estado: "entregado", ciudad: "Sevilla", entregado_el: "2028-01-17" },
  PQ5550001: { estado: "pendiente_recogida", ciudad: "Madrid" },
  PQ2223334: { estado: "en_transito", ciudad: "Valladolid" },
  PQ4445556: { estado: "en_reparto", ciudad: "Bilbao" },
};

const TARIFAS: Record<string, number> = { sobre: 4.5, pequeno: 6.9, mediano: 9.9, grande: 15.9 };
const RECARGO_ZONA: Record<string, number> = {
  peninsula: 1,
  baleares: 1.6,
  canarias: 2.2,
  internacional: 3,
};
const EXTRAS: Record<string, number> = {
  seguro: 3,
  entrega_urgente: 5,
  embalaje: 2.5,
  aviso_sms: 0.5,
};

const DESCRIPCION_ESTADO: Record<Estado, string> = {
  pendiente_recogida: "todavía no lo hemos recogido; el mensajero pasará el día acordado.",
  en_transito: "está en camino, ahora en nuestro centro de",
  en_reparto: "ha salido a reparto hoy desde nuestra delegación de",
  entregado: "se entregó el",
};

function buscar(numero: unknown): Envio {
  const clave = String(numero ?? "").toUpperCase();
  const envio = ENVIOS[clave];
  if (!envio)
    throw new UserFacingError(
      `No encuentro ningún envío con el número ${clave}. Revisa el número en tu justificante.`,
    );
  return envio;
}

function isoDe(fecha: Date): string {
  return fecha.toISOString().slice(0, 10);
}

function diasDesdeHoy(iso: string, hoy: Date): number {
  return Math.round(
    (Date.parse(`${iso}T12:00:00Z`) - Date.parse(`${isoDe(hoy)}T12:00:00Z`)) / 86_400_000,
  );
}

function esDomingo(iso: string): boolean {
  return new Date(`${iso}T12:00:00Z`).getUTCDay() === 0;
}

let siguiente = 9000001;

export default defineHandlers({
  actions: {
    crear_envio: ({ tamano_paquete, fecha_recogida, extras_envio }, ctx) => {
      const fecha = String(fecha_recogida);
      const dias = diasDesdeHoy(fecha, ctx.now);
      if (dias < 0)
        throw new UserFacingError("Esa fecha ya ha pasado: dime un día a partir de hoy.");
      if (dias > 30)
        throw new UserFacingError(
          "Solo programamos recogidas con un mes de antelación como mucho.",
        );
      if (esDomingo(fecha))
        throw new UserFacingError("Los domingos no hacemos recogidas. ¿Te viene bien el lunes?");
      const extras = Array.isArray(extras_envio) ? extras_envio.map(String) : [];
      if (tamano_paquete === "sobre" && extras.includes("embalaje")) {
        throw new UserFacingError(
          "Un sobre no necesita embalaje: quítalo de los extras y lo programo.",
        );
      }
      const base = TARIFAS[String(tamano_paquete)] ?? 9.9;
      const precio = base + extras.reduce((suma, extra) => suma + (EXTRAS[extra] ?? 0), 0);
      const codigo = `PQ${siguiente++}`;
      ENVIOS[codigo] = { estado: "pendiente_recogida", ciudad: "origen" };
      return { codigo_envio: codigo, precio_envio: Math.round(precio * 100) / 100 };
    },
    consultar_envio: ({ numero_seguimiento }) => {
      const envio = buscar(numero_seguimiento);
      const texto = DESCRIPCION_ESTADO[envio.estado];
      if (envio.estado === "entregado") return { estado_envio: `${texto} ${envio.entregado_el}.` };
      if (envio.estado === "pendiente_recogida") return { estado_envio: texto };
      return { estado_envio: `${texto} ${envio.ciudad}.` };
    },
    modificar_entrega: (
      { numero_seguimiento, nueva_fecha_entrega, nueva_direccion_entrega },
      ctx,
    ) => {
      const envio = buscar(numero_seguimiento);
      if (envio.estado === "entregado")
        throw new UserFacingError("Ese envío ya está entregado: no se puede cambiar la entrega.");
      if (envio.estado === "en_reparto") {
        throw new UserFacingError(
          "El paquete ya está en reparto hoy; el repartidor te llamará antes de llegar.",
        );
      }
      if (nueva_fecha_entrega) {
        const dias = diasDesdeHoy(String(nueva_fecha_entrega), ctx.now);
        if (dias < 1)
          throw new UserFacingError("La nueva entrega tiene que ser a partir de mañana.");
        if (dias > 14)
          throw new UserFacingError("Guardamos el paquete 14 días como mucho: elige un día antes.");
        if (esDomingo(String(nueva_fecha_entrega)))
          throw new UserFacingError("Los domingos no repartimos.");
      } else if (!nueva_direccion_entrega) {
        throw new UserFacingError("Necesito la nueva fecha o la nueva dirección.");
      }
      return {};
    },
    abrir_reclamacion: ({ numero_seguimiento, tipo_incidencia }) => {
      const envio = buscar(numero_seguimiento);
      if (tipo_incidencia === "paquete_perdido" && envio.estado === "pendiente_recogida") {
        throw new UserFacingError(
          "Ese paquete aún no lo hemos recogido, así que no puede haberse perdido.",
        );
      }
      if (tipo_incidencia === "paquete_danado" && envio.estado !== "entregado") {
        throw new UserFacingError(
          "Ese paquete todavía no se ha entregado. Si llega dañado, no lo aceptes y escríbenos.",
        );
      }
      return { numero_reclamacion: `RC-${String(numero_seguimiento).slice(2, 6)}` };
    },
    calcular_precio: ({ tamano_paquete, zona_destino }) => {
      if (tamano_paquete === "grande" && zona_destino === "internacional") {
        throw new UserFacingError(
          "Los paquetes grandes no los enviamos fuera de España. Hasta 10 kg sí.",
        );
      }
      const base = TARIFAS[String(tamano_paquete)] ?? 0;
      const factor = RECARGO_ZONA[String(zona_destino)] ?? 1;
      return { precio_envio: Math.round(base * factor * 100) / 100 };
    },
    anular_envio: ({ numero_seguimiento }) => {
      const envio = buscar(numero_seguimiento);
      if (envio.estado !== "pendiente_recogida") {
        throw new UserFacingError(
          "Ese envío ya está en camino y no se puede anular. Puedes cambiar la entrega o rechazarlo al llegar.",
        );
      }
      delete ENVIOS[String(numero_seguimiento).toUpperCase()];
      return {};
    },
  },
});
