// Clínicas Dentales Sonrisa Norte: una agenda, unos presupuestos y unas fichas de paciente en
// memoria, en lugar del programa de gestión de las clínicas. Lo que cambia una conversación
// (citas nuevas, movidas o anuladas, financiaciones, cuotas pagadas) se guarda en ctx.data.
// Las negativas que oye el paciente son UserFacingError.
import { defineHandlers, UserFacingError } from "soni";

interface Cita {
  paciente: string;
  tratamiento: string;
  clinica: string;
  dia: string;
  hora: string;
  anulada?: boolean;
}

interface Presupuesto {
  paciente: string;
  tratamiento: string;
  total: number;
  /** Cuotas pendientes de una financiación ya contratada (importe de cada una). */
  cuotaPendiente?: number;
}

interface Cambios {
  citas?: Record<string, Cita>;
  siguiente?: number;
  financiados?: Record<string, number>;
  pagadas?: Record<string, number>;
}

const CLINICAS: Record<string, { nombre: string; direccion: string; horario: string }> = {
  chamberi: {
    nombre: "Chamberí",
    direccion: "calle Santa Engracia 84, Madrid",
    horario: "de lunes a viernes de 9:00 a 21:00 y sábados de 9:00 a 14:00",
  },
  salamanca: {
    nombre: "Salamanca",
    direccion: "calle Goya 57, Madrid",
    horario: "de lunes a viernes de 9:30 a 20:30",
  },
  vallecas: {
    nombre: "Vallecas",
    direccion: "avenida de la Albufera 120, Madrid",
    horario: "de lunes a viernes de 10:00 a 21:00 y sábados de 10:00 a 14:00",
  },
  getafe: {
    nombre: "Getafe",
    direccion: "calle Madrid 33, Getafe",
    horario: "de lunes a viernes de 9:00 a 20:00",
  },
};

const CITAS: Record<string, Cita> = {
  "CD-40213": {
    paciente: "Lucía Fernández",
    tratamiento: "limpieza",
    clinica: "chamberi",
    dia: "2028-12-18",
    hora: "10:30",
  },
  "CD-40577": {
    paciente: "Javier Moreno",
    tratamiento: "ortodoncia",
    clinica: "salamanca",
    dia: "2028-12-20",
    hora: "17:00",
  },
  "CD-41102": {
    paciente: "Carmen Ruiz",
    tratamiento: "implantes",
    clinica: "getafe",
    dia: "2028-12-14",
    hora: "12:00",
  },
};

const PRESUPUESTOS: Record<string, Presupuesto> = {
  "PR-208114": { paciente: "Javier Moreno", tratamiento: "ortodoncia invisible", total: 3600 },
  "PR-208530": { paciente: "Carmen Ruiz", tratamiento: "dos implantes con corona", total: 2400 },
  "PR-209001": {
    paciente: "Lucía Fernández",
    tratamiento: "blanqueamiento y limpieza",
    total: 420,
    cuotaPendiente: 70,
  },
};

/** Teléfonos con ficha en las clínicas (los documentos solo se mandan a un paciente registrado). */
const FICHAS = new Set(["612345678", "655102030", "699887766"]);

const MUTUAS_CONCERTADAS = ["adeslas", "sanitas", "dkv", "asisa", "mapfre"];
const NOMBRE_MUTUA: Record<string, string> = {
  adeslas: "Adeslas",
  sanitas: "Sanitas",
  dkv: "DKV",
  asisa: "Asisa",
  mapfre: "Mapfre",
  caser: "Caser",
  axa: "AXA",
  cigna: "Cigna",
};

const FRANJAS: Record<string, string[]> = {
  por_la_manana: ["9:30", "10:30", "11:30", "12:30"],
  por_la_tarde: ["16:30", "17:30", "18:30", "19:30"],
};

function cambios(data: Record<string, unknown>): Cambios {
  return data as Cambios;
}

function citaDe(codigo: string, data: Cambios): Cita {
  const cita = data.citas?.[codigo] ?? CITAS[codigo];
  if (!cita) throw new UserFacingError(`No encuentro ninguna cita con el código ${codigo}.`);
  return cita;
}

function presupuestoDe(referencia: string): Presupuesto {
  const p = PRESUPUESTOS[referencia];
  if (!p)
    throw new UserFacingError(`No encuentro ningún presupuesto con la referencia ${referencia}.`);
  return p;
}

function diaLegible(iso: string): string {
  const dias = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];
  const meses = [
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
  const d = new Date(`${iso}T12:00:00Z`);
  return `${dias[d.getUTCDay()]} ${d.getUTCDate()} de ${meses[d.getUTCMonth()]}`;
}

function comprobarDia(dia: string, clinica: string | null, hoy: string): void {
  if (dia < hoy) throw new UserFacingError("Ese día ya ha pasado.");
  const semana = new Date(`${dia}T12:00:00Z`).getUTCDay();
  if (semana === 0) throw new UserFacingError("Los domingos no abrimos.");
  if (semana === 6 && clinica && !["chamberi", "vallecas"].includes(clinica)) {
    throw new UserFacingError("Esa clínica no abre los sábados; Chamberí y Vallecas sí.");
  }
}

const redondear = (n: number) => Math.round(n * 100) / 100;

export default defineHandlers({
  actions: {
    reservar_cita: (inputs, ctx) => {
      const dia = String(inputs.fecha_cita);
      const clinica = String(inputs.clinica);
      comprobarDia(dia, clinica, ctx.now.toISOString().slice(0, 10));
      const data = cambios(ctx.data);
      const n = data.siguiente ?? 41500;
      const codigo = `CD-${n}`;
      const franja = String(inputs.franja);
      const hora = (FRANJAS[franja] ?? FRANJAS.por_la_manana ?? ["10:00"])[n % 4] ?? "10:00";
      data.siguiente = n + 1;
      data.citas = {
        ...data.citas,
        [codigo]: {
          paciente: String(inputs.nombre_paciente),
          tratamiento: String(inputs.especialidad),
          clinica,
          dia,
          hora,
        },
      };
      return { codigo_nuevo: codigo, hora_asignada: hora };
    },
    ver_cita: ({ codigo_cita }, ctx) => {
      const codigo = String(codigo_cita);
      const cita = citaDe(codigo, cambios(ctx.data));
      if (cita.anulada) return { resumen_cita: `La cita ${codigo} está anulada.` };
      const clinica = CLINICAS[cita.clinica]?.nombre ?? cita.clinica;
      return {
        resumen_cita: `La cita ${codigo} de ${cita.paciente} (${cita.tratamiento}) es el ${diaLegible(cita.dia)} a las ${cita.hora} en la clínica de ${clinica}.`,
      };
    },
    mover_cita: (inputs, ctx) => {
      const codigo = String(inputs.codigo_cita);
      const data = cambios(ctx.data);
      const cita = citaDe(codigo, data);
      if (cita.anulada)
        throw new UserFacingError(`La cita ${codigo} está anulada; pide una nueva.`);
      const dia = String(inputs.fecha_cita);
      comprobarDia(dia, cita.clinica, ctx.now.toISOString().slice(0, 10));
      const hora = (FRANJAS[String(inputs.franja)] ?? ["10:30"])[1] ?? "10:30";
      data.citas = { ...data.citas, [codigo]: { ...cita, dia, hora } };
      return { hora_asignada: hora };
    },
    anular_cita: ({ codigo_cita }, ctx) => {
      const codigo = String(codigo_cita);
      const data = cambios(ctx.data);
      const cita = citaDe(codigo, data);
      if (cita.anulada) return { resumen_cita: `La cita ${codigo} ya estaba anulada.` };
      data.citas = { ...data.citas, [codigo]: { ...cita, anulada: true } };
      return {
        resumen_cita: `Anulada la cita ${codigo} del ${diaLegible(cita.dia)}. Cuando quieras, pide otra.`,
      };
    },
    ver_presupuesto: ({ referencia_presupuesto }, ctx) => {
      const ref = String(referencia_presupuesto);
      const p = presupuestoDe(ref);
      const financiado = cambios(ctx.data).financiados?.[ref];
      const extra = financiado ? ` Financiado a ${financiado} meses.` : "";
      return {
        resumen_presupuesto: `El presupuesto ${ref} (${p.tratamiento}, a nombre de ${p.paciente}) es de ${p.total} €.${extra}`,
      };
    },
    calcular_financiacion: ({ referencia_presupuesto, meses }) => {
      const p = presupuestoDe(String(referencia_presupuesto));
      if (p.total < 300) throw new UserFacingError("Solo financiamos presupuestos de 300 € o más.");
      return { cuota_mensual: redondear(p.total / Number(meses)) };
    },
    contratar_financiacion: ({ referencia_presupuesto, meses }, ctx) => {
      const ref = String(referencia_presupuesto);
      const data = cambios(ctx.data);
      data.financiados = { ...data.financiados, [ref]: Number(meses) };
      return { justificante_pago: `FIN-${ref.slice(3)}` };
    },
    ver_cuota_pendiente: ({ referencia_presupuesto }, ctx) => {
      const ref = String(referencia_presupuesto);
      const p = presupuestoDe(ref);
      const financiado = cambios(ctx.data).financiados?.[ref];
      const importe =
        p.cuotaPendiente ?? (financiado ? redondear(p.total / financiado) : undefined);
      if (!importe || cambios(ctx.data).pagadas?.[ref]) {
        throw new UserFacingError(`El presupuesto ${ref} no tiene ninguna cuota pendiente.`);
      }
      return { importe_cuota: importe };
    },
    pagar_cuota: ({ referencia_presupuesto }, ctx) => {
      const ref = String(referencia_presupuesto);
      const data = cambios(ctx.data);
      data.pagadas = { ...data.pagadas, [ref]: 1 };
      return { justificante_pago: `PAG-${ref.slice(3)}-${ctx.turn}` };
    },
    dar_hueco_urgencia: ({ sintomas, clinica }) => {
      const lista = Array.isArray(sintomas) ? sintomas.map(String) : [];
      const grave = lista.includes("inflamacion") || lista.includes("fiebre");
      const hora = clinica === "getafe" ? (grave ? "12:15" : "18:45") : grave ? "11:45" : "17:15";
      return { hora_urgencia: hora };
    },
    consultar_mutua: ({ mutua }) => {
      const todas = MUTUAS_CONCERTADAS.map((m) => NOMBRE_MUTUA[m]).join(", ");
      if (!mutua) return { respuesta_mutua: `Trabajamos con ${todas}.` };
      const nombre = NOMBRE_MUTUA[String(mutua)] ?? String(mutua);
      return {
        respuesta_mutua: MUTUAS_CONCERTADAS.includes(String(mutua))
          ? `Sí, trabajamos con ${nombre}: la revisión y la limpieza anual están cubiertas y el resto de tratamientos tiene descuento.`
          : `Con ${nombre} no tenemos concierto, pero puedes venir por lo privado. Trabajamos con ${todas}.`,
      };
    },
    datos_clinica: ({ clinica }) => {
      const c = CLINICAS[String(clinica)];
      if (!c) throw new UserFacingError("No tenemos clínica ahí.");
      return { horario: c.horario, direccion_clinica: c.direccion };
    },
    enviar_documentos: ({ telefono }) => {
      if (!FICHAS.has(String(telefono))) throw new Error("paciente no encontrado");
      return {};
    },
  },
  validators: {
    telefono: (value) => /^[6789]\d{8}$/.test(String(value)),
  },
});
