/**
 * Handlers del Ayuntamiento de Villaverde del Río: datos en memoria. Al empezar cada conversación
 * existen tres citas, tres expedientes, cuatro recibos y unas horas ya ocupadas en las pistas. Lo
 * que crea cada conversación (citas, avisos, recogidas, reservas, pagos) se guarda en ctx.data,
 * así los códigos nuevos salen siempre iguales en las pruebas.
 */
import { defineHandlers, UserFacingError } from "soni";

interface Cita {
  tramite: string;
  oficina: string;
  fecha: string;
  hora: string;
  anulada?: boolean;
}

const CITAS_INICIALES: Record<string, Cita> = {
  "CP-10234": {
    tramite: "empadronamiento",
    oficina: "oac_centro",
    fecha: "2028-11-22",
    hora: "10:00",
  },
  "CP-10377": {
    tramite: "licencia_obras",
    oficina: "oac_norte",
    fecha: "2028-11-28",
    hora: "12:30",
  },
  "CP-10412": {
    tramite: "certificado_padron",
    oficina: "oac_sur",
    fecha: "2028-12-04",
    hora: "09:15",
  },
};

const EXPEDIENTES: Record<string, string> = {
  "EXP-284512":
    "licencia de obra menor (reforma de cocina) en Calle Real 14. Está en revisión técnica desde el 2 de noviembre; el plazo para resolver acaba el 2 de enero.",
  "EXP-280077":
    "solicitud de vado permanente en Avenida del Río 3. Resuelto favorablemente el 10 de noviembre: recibirás la placa en 15 días.",
  "EXP-281999":
    "ayuda de emergencia social. Falta documentación: el certificado de ingresos del último año. Tienes 10 días hábiles para aportarlo por registro.",
};

interface Recibo {
  concepto: string;
  importe: number;
  pagado?: boolean;
}

const RECIBOS: Record<string, Recibo> = {
  "4000123456": { concepto: "IBI 2028, segundo plazo, de Calle Real 14", importe: 214.37 },
  "4000987654": {
    concepto:
      "multa de aparcamiento en zona de carga y descarga (con la reducción del 50% por pronto pago)",
    importe: 45,
  },
  "4000555111": { concepto: "tasa de basuras 2028", importe: 86.4, pagado: true },
  "4000246810": {
    concepto: "impuesto de circulación 2028 de la matrícula 1234 BCD",
    importe: 68.16,
  },
};

const NOMBRE_OFICINA: Record<string, string> = {
  oac_centro: "el Ayuntamiento (Plaza Mayor)",
  oac_norte: "la Junta Norte",
  oac_sur: "la Junta Sur",
};

const NOMBRE_TRAMITE: Record<string, string> = {
  empadronamiento: "empadronamiento",
  certificado_padron: "certificado de empadronamiento",
  registro_general: "registro de documentos",
  licencia_obras: "licencia de obras",
  gestion_tributaria: "impuestos y tasas",
  servicios_sociales: "servicios sociales",
  certificado_digital: "certificado digital",
};

const DOCUMENTOS: Record<string, string> = {
  empadronamiento:
    "el DNI, NIE o pasaporte en vigor de cada persona, el contrato de alquiler o la escritura de la vivienda, y el libro de familia si empadronas a menores.",
  certificado_padron:
    "solo el DNI o NIE; si lo pides para otra persona, una autorización firmada y copia de su DNI. También puedes descargarlo en la sede electrónica con certificado digital.",
  registro_general: "el escrito firmado, copia de los documentos que acompañas y tu DNI.",
  licencia_obras:
    "la solicitud, el presupuesto de la obra, planos o croquis, fotos del estado actual y el justificante de pago de la tasa (ICIO).",
  gestion_tributaria: "el DNI y el recibo o la carta de pago del impuesto del que quieras hablar.",
  servicios_sociales:
    "el DNI de las personas de la familia, el certificado de empadronamiento y los últimos ingresos.",
  certificado_digital:
    "el DNI en vigor y el código de solicitud que te da la FNMT al pedirlo por internet.",
};

const PRECIO_HORA: Record<string, number> = {
  pista_padel: 8,
  pista_tenis: 6,
  campo_futbol: 35,
  pabellon: 25,
  fronton: 5,
};

/** Horas ya ocupadas: instalación -> "fecha hora". */
const OCUPADAS: Record<string, string[]> = {
  pista_padel: ["2028-11-17 19:00", "2028-11-17 20:00", "2028-11-18 11:00"],
  campo_futbol: ["2028-11-18 10:00"],
  pabellon: ["2028-11-16 18:00"],
};

/** Días sin atención ni recogidas (festivos locales y nacionales). */
const FESTIVOS = new Set(["2028-12-06", "2028-12-08", "2028-12-25"]);

interface Datos {
  citas?: Record<string, Cita>;
  avisos?: number;
  recogidas?: number;
  reservas?: string[];
  pagados?: string[];
  domiciliaciones?: string[];
}

function datos(ctx: { data: Record<string, unknown> }): Datos {
  return ctx.data as Datos;
}

function citas(ctx: { data: Record<string, unknown> }): Record<string, Cita> {
  const d = datos(ctx);
  d.citas ??= structuredClone(CITAS_INICIALES);
  return d.citas;
}

function hoy(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function diaSemana(fecha: string): number {
  return new Date(`${fecha}T12:00:00Z`).getUTCDay();
}

function fechaLarga(fecha: string): string {
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
  const d = new Date(`${fecha}T12:00:00Z`);
  return `${dias[d.getUTCDay()]} ${d.getUTCDate()} de ${meses[d.getUTCMonth()]}`;
}

function resumen(cita: Cita): string {
  return `${NOMBRE_TRAMITE[cita.tramite] ?? cita.tramite} en ${NOMBRE_OFICINA[cita.oficina] ?? cita.oficina}, el ${fechaLarga(cita.fecha)} a las ${cita.hora}`;
}

function minutos(hora: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hora.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Letra del DNI: el resto de dividir el número entre 23. */
const LETRAS_DNI = "TRWAGMYFPDXBNJZSQVHLCKE";

function ibanValido(valor: string): boolean {
  const iban = valor.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith("ES") && iban.length !== 24) return false;
  const reordenado = iban.slice(4) + iban.slice(0, 4);
  let resto = 0;
  for (const c of reordenado) {
    const n = c >= "A" && c <= "Z" ? c.charCodeAt(0) - 55 : Number(c);
    for (const d of String(n)) resto = (resto * 10 + Number(d)) % 97;
  }
  return resto === 1;
}

export default defineHandlers({
  actions: {
    reservar_cita: ({ tramite, oficina_cita, fecha_cita, hora_cita }, ctx) => {
      const todas = citas(ctx);
      const ocupada = Object.values(todas).some(
        (c) =>
          !c.anulada &&
          c.oficina === oficina_cita &&
          c.fecha === fecha_cita &&
          c.hora === hora_cita,
      );
      if (ocupada) {
        throw new UserFacingError(
          `Esa hora ya está cogida en ${NOMBRE_OFICINA[String(oficina_cita)]}. Prueba media hora antes o después.`,
        );
      }
      const codigo = `CP-${20001 + Object.keys(todas).length - Object.keys(CITAS_INICIALES).length}`;
      todas[codigo] = {
        tramite: String(tramite),
        oficina: String(oficina_cita),
        fecha: String(fecha_cita),
        hora: String(hora_cita),
      };
      return { codigo_nueva_cita: codigo };
    },
    buscar_cita: ({ codigo_cita }, ctx) => {
      const cita = citas(ctx)[String(codigo_cita)];
      if (!cita || cita.anulada) {
        throw new UserFacingError(
          `No encuentro ninguna cita con el código ${codigo_cita}. Revisa el SMS o el correo de confirmación.`,
        );
      }
      return { resumen_cita: resumen(cita) };
    },
    cambiar_cita: ({ codigo_cita, nueva_fecha_cita, nueva_hora_cita }, ctx) => {
      const cita = citas(ctx)[String(codigo_cita)];
      if (!cita || cita.anulada) throw new UserFacingError(`No encuentro la cita ${codigo_cita}.`);
      cita.fecha = String(nueva_fecha_cita);
      cita.hora = String(nueva_hora_cita);
      return { resumen_cita: resumen(cita) };
    },
    anular_cita: ({ codigo_cita }, ctx) => {
      const cita = citas(ctx)[String(codigo_cita)];
      if (!cita || cita.anulada) throw new UserFacingError(`No encuentro la cita ${codigo_cita}.`);
      cita.anulada = true;
      return {};
    },
    registrar_aviso: (_inputs, ctx) => {
      const d = datos(ctx);
      d.avisos = (d.avisos ?? 0) + 1;
      return { numero_aviso: `AV-${String(5300 + d.avisos)}` };
    },
    programar_recogida: ({ enseres, fecha_recogida }, ctx) => {
      const lista = Array.isArray(enseres) ? enseres : [];
      if (lista.length > 6) {
        throw new UserFacingError(
          "En una recogida nos llevamos hasta seis piezas. Para más, llévalas al punto limpio de la carretera de Sevilla.",
        );
      }
      if (String(fecha_recogida) <= hoy(ctx.now)) {
        throw new UserFacingError("La recogida se pide al menos con un día de antelación.");
      }
      const d = datos(ctx);
      d.recogidas = (d.recogidas ?? 0) + 1;
      return { codigo_recogida: `RE-${String(700 + d.recogidas)}` };
    },
    consultar_expediente: ({ numero_expediente }) => {
      const estado = EXPEDIENTES[String(numero_expediente)];
      if (!estado) {
        throw new UserFacingError(
          `No encuentro el expediente ${numero_expediente}. Comprueba el número en el justificante de registro.`,
        );
      }
      return { estado_expediente: estado };
    },
    buscar_recibo: ({ referencia_pago }, ctx) => {
      const ref = String(referencia_pago);
      const recibo = RECIBOS[ref];
      if (!recibo) {
        throw new UserFacingError(`No encuentro ningún recibo pendiente con la referencia ${ref}.`);
      }
      if (recibo.pagado || datos(ctx).pagados?.includes(ref)) {
        throw new UserFacingError(
          `El recibo ${ref} (${recibo.concepto}) ya está pagado. No tienes que hacer nada.`,
        );
      }
      return { concepto_recibo: recibo.concepto, importe_recibo: recibo.importe };
    },
    pagar_recibo: ({ referencia_pago }, ctx) => {
      const d = datos(ctx);
      const ref = String(referencia_pago);
      d.pagados = [...(d.pagados ?? []), ref];
      return { justificante_pago: `JP-${ref.slice(-6)}-${d.pagados.length}` };
    },
    domiciliar_recibo: ({ impuesto_domiciliar, dni_titular }, ctx) => {
      const d = datos(ctx);
      d.domiciliaciones = [...(d.domiciliaciones ?? []), `${impuesto_domiciliar}:${dni_titular}`];
      return {};
    },
    reservar_instalacion: ({ instalacion, fecha_instalacion, hora_instalacion }, ctx) => {
      const clave = `${fecha_instalacion} ${hora_instalacion}`;
      const d = datos(ctx);
      const propias = d.reservas ?? [];
      if (
        (OCUPADAS[String(instalacion)] ?? []).includes(clave) ||
        propias.includes(`${instalacion} ${clave}`)
      ) {
        throw new UserFacingError(
          `Esa hora ya está reservada. Prueba otra hora del ${fechaLarga(String(fecha_instalacion))}.`,
        );
      }
      d.reservas = [...propias, `${instalacion} ${clave}`];
      return {
        codigo_reserva: `RD-${String(400 + d.reservas.length)}`,
        importe_reserva: PRECIO_HORA[String(instalacion)] ?? 10,
      };
    },
    documentos_necesarios: ({ tramite }) => ({
      documentos_tramite: DOCUMENTOS[String(tramite)] ?? "el DNI y la documentación del trámite.",
    }),
  },
  normalizers: {
    /** "en la calle Goya 4" -> "calle Goya 4": la dirección sin la preposición ni el artículo. */
    direccion: (value) =>
      String(value)
        .trim()
        .replace(/^(?:en|por)\s+/i, "")
        .replace(/^(?:el|la|los|las)\s+/i, "")
        .replace(/[.\s]+$/, ""),
  },
  validators: {
    dia_laborable: (value, ctx) => {
      const fecha = String(value);
      if (fecha < hoy(ctx.now)) return "Ese día ya ha pasado. Dime un día a partir de hoy.";
      const dia = diaSemana(fecha);
      if (dia === 0 || dia === 6)
        return "Ese día es fin de semana y no atendemos. Elige un día de lunes a viernes.";
      if (FESTIVOS.has(fecha)) return "Ese día es festivo. Elige otro día de lunes a viernes.";
      return true;
    },
    no_pasado: (value, ctx) =>
      String(value) >= hoy(ctx.now) || "Ese día ya ha pasado. Dime un día a partir de hoy.",
    hora_oficina: (value) => {
      const m = minutos(String(value));
      if (m === null) return "Dime la hora así: 10:30.";
      if (m < 9 * 60 || m > 13 * 60 + 45)
        return "Las citas son de 9:00 a 14:00. Dime una hora en ese horario.";
      if (m % 15 !== 0) return "Las citas van cada cuarto de hora: 10:00, 10:15, 10:30...";
      return true;
    },
    hora_instalacion: (value) => {
      const m = minutos(String(value));
      if (m === null) return "Dime la hora así: 18:00.";
      if (m < 9 * 60 || m > 21 * 60)
        return "Las instalaciones se reservan de 9:00 a 22:00: la última hora empieza a las 21:00.";
      if (m % 60 !== 0) return "Se reserva por horas en punto: 18:00, 19:00...";
      return true;
    },
    referencia_pago: (value) =>
      /^\d{10}$/.test(String(value).replace(/\D/g, "")) ||
      "La referencia son 10 números; la encuentras arriba a la derecha del recibo.",
    dni: (value) => {
      const v = String(value).toUpperCase();
      const m = /^(\d{8})([A-Z])$/.exec(v);
      if (!m) return false;
      return (
        LETRAS_DNI[Number(m[1]) % 23] === m[2] ||
        "La letra de ese DNI no cuadra con el número. ¿Puedes revisarlo?"
      );
    },
    iban: (value) =>
      ibanValido(String(value)) ||
      "Ese IBAN no es válido. Revísalo: empieza por ES y tiene 24 caracteres.",
  },
});
