import { defineHandlers, UserFacingError } from "soni";

// References come from the idempotency key, so a repeated call gives the same one.
function referencia(prefijo: string, clave: string): string {
  let hash = 0;
  for (const caracter of clave) hash = (hash * 31 + caracter.charCodeAt(0)) >>> 0;
  return `${prefijo}-${String(hash % 100000).padStart(5, "0")}`;
}

function hoy(now: Date): string {
  return now.toISOString().slice(0, 10);
}

// Codes ending in 000 stand for students the school does not know.
function comprobarAlumno(codigo: unknown): string {
  const texto = String(codigo ?? "");
  if (texto.endsWith("000")) {
    throw new UserFacingError(`No encuentro ningún alumno con el código ${texto}.`);
  }
  return texto;
}

export default defineHandlers({
  actions: {
    matricular: (_inputs, ctx) => ({ referencia: referencia("MT", ctx.idempotencyKey) }),
    reservar_prueba_nivel: (_inputs, ctx) => ({ referencia: referencia("PN", ctx.idempotencyKey) }),
    cambiar_grupo: ({ codigo_alumno }, ctx) => {
      comprobarAlumno(codigo_alumno);
      return { referencia: referencia("CG", ctx.idempotencyKey) };
    },
    pedir_certificado: ({ codigo_alumno }, ctx) => {
      comprobarAlumno(codigo_alumno);
      return { referencia: referencia("CE", ctx.idempotencyKey) };
    },
    consultar_mensualidad: ({ codigo_alumno }, ctx) => {
      const codigo = comprobarAlumno(codigo_alumno);
      const pagada = Number(codigo.slice(-1)) % 2 === 0;
      const mes = hoy(ctx.now).slice(0, 7);
      return {
        importe_mensual: 89,
        estado_pago: pagada ? "pagada" : "pendiente",
        vencimiento: `${mes}-05`,
      };
    },
    pagar_mensualidad: ({ codigo_alumno }, ctx) => {
      comprobarAlumno(codigo_alumno);
      return { referencia: referencia("PG", ctx.idempotencyKey) };
    },
    dar_de_baja: ({ codigo_alumno }, ctx) => {
      comprobarAlumno(codigo_alumno);
      return { referencia: referencia("BJ", ctx.idempotencyKey) };
    },
    reservar_clase_prueba: (_inputs, ctx) => ({ referencia: referencia("CP", ctx.idempotencyKey) }),
    justificar_falta: ({ codigo_alumno, fecha_falta }, ctx) => {
      comprobarAlumno(codigo_alumno);
      if (String(fecha_falta) > hoy(ctx.now)) {
        throw new UserFacingError("Esa fecha aún no ha llegado: una falta se justifica después.");
      }
      return { referencia: referencia("JF", ctx.idempotencyKey) };
    },
  },
  validators: {
    no_pasada: (value, ctx) => String(value) >= hoy(ctx.now),
    telefono_valido: (value) => /^\d{9}$/.test(String(value).replace(/\D/g, "")),
  },
});
